"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";
import { revokePersonalTokenAction, revokeServiceTokenAction } from "@/lib/api/tokens/actions";

/** Personal tokens are revoked by their owner; service tokens by the team's admins (teamId given). */
export function RevokeTokenButton({ tokenId, teamId, name }: { tokenId: string; teamId?: string; name: string }) {
  const [state, action] = useActionState(teamId ? revokeServiceTokenAction : revokePersonalTokenAction, idle);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="tokenId" value={tokenId} />
      {teamId && <input type="hidden" name="teamId" value={teamId} />}
      {state.status === "error" && <span role="alert" className="text-xs text-red-700 dark:text-red-400">{state.error.message}</span>}
      <SubmitButton variant="ghost" size="sm" pendingLabel="Revoking…" aria-label={`Revoke ${name}`}>
        Revoke
      </SubmitButton>
    </form>
  );
}
