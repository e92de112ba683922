"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";
import { revokeInviteAction } from "@/lib/teams/actions";

export function RevokeInviteButton({ teamId, inviteId }: { teamId: string; inviteId: string }) {
  const [state, action] = useActionState(revokeInviteAction, idle);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="inviteId" value={inviteId} />
      {state.status === "error" && <span role="alert" className="text-xs text-red-700 dark:text-red-400">{state.error.message}</span>}
      <SubmitButton variant="ghost" size="sm" pendingLabel="Revoking…">
        Revoke
      </SubmitButton>
    </form>
  );
}
