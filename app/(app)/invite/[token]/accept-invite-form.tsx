"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";
import { acceptInviteAction } from "@/lib/teams/actions";

export function AcceptInviteForm({ token, teamName }: { token: string; teamName: string }) {
  const [state, action] = useActionState(acceptInviteAction, idle);
  return (
    <form action={action} className="mt-6 space-y-3">
      {state.status === "error" && <Alert tone="error">{state.error.message}</Alert>}
      <input type="hidden" name="token" value={token} />
      <SubmitButton className="w-full" pendingLabel="Joining…">
        Join {teamName}
      </SubmitButton>
    </form>
  );
}
