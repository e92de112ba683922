"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";
import { updateTeamTaskSettingsAction } from "@/lib/tasks/actions";

export function TaskSettingsForm({ teamId, requireVerification, editable }: { teamId: string; requireVerification: boolean; editable: boolean }) {
  const [state, action] = useActionState(updateTeamTaskSettingsAction, idle);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="teamId" value={teamId} />
      <fieldset disabled={!editable} className="space-y-3">
        <label className="flex items-start gap-3 text-sm">
          <input type="checkbox" name="requireTaskVerification" defaultChecked={requireVerification} className="mt-0.5 accent-brand-600" />
          <span>
            <span className="font-medium">Require verification</span>
            <span className="block text-zinc-600 dark:text-zinc-400">A task with a check (“alert fired in a drill”) is done only when someone other than its owner verifies it.</span>
          </span>
        </label>
        {editable && <SubmitButton size="sm" pendingLabel="Saving…">Save</SubmitButton>}
      </fieldset>
      {state.status === "error" && <Alert tone="error">{state.error.message}</Alert>}
      {state.status === "ok" && <Alert tone="success">{state.message}</Alert>}
    </form>
  );
}
