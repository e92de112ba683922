"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { Alert } from "@/components/ui/alert";
import { idle } from "@/lib/action-state";
import { taskInternalAction } from "@/lib/tasks/actions";

/** Whether the task may appear in public editions of the incident's postmortem. */
export function InternalForm({ teamId, taskId, internal }: { teamId: string; taskId: string; internal: boolean }) {
  const [state, action] = useActionState(taskInternalAction, idle);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="taskId" value={taskId} />
      <input type="hidden" name="internal" value={internal ? "false" : "true"} />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {internal ? "Internal: left out of public postmortems." : "Shown in public postmortems of this incident."}
      </p>
      <SubmitButton variant="secondary" size="sm">{internal ? "Make public" : "Mark internal"}</SubmitButton>
      {state.status === "error" && <Alert tone="error">{state.error.message}</Alert>}
    </form>
  );
}
