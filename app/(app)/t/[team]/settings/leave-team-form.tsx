"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";
import { leaveTeamAction } from "@/lib/teams/actions";

export function LeaveTeamForm({ teamId, teamName }: { teamId: string; teamName: string }) {
  const [state, action] = useActionState(leaveTeamAction, idle);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(`Leave ${teamName}? You will need a new invite to come back.`)) e.preventDefault();
      }}
      className="space-y-3"
    >
      {state.status === "error" && <Alert tone="error">{state.error.message}</Alert>}
      <input type="hidden" name="teamId" value={teamId} />
      <SubmitButton variant="danger" pendingLabel="Leaving…">
        Leave {teamName}
      </SubmitButton>
    </form>
  );
}
