"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { SecretOnce } from "@/components/alerts/secret-once";
import { idle } from "@/lib/action-state";
import { rotateAlertSecretAction } from "@/lib/alerts/actions";

export function RotateSecretForm({ teamId, sourceId, endpoint, authMode }: { teamId: string; sourceId: string; endpoint: string; authMode: "BEARER" | "HMAC" }) {
  const [state, action] = useActionState(rotateAlertSecretAction, idle);
  if (state.status === "ok") return <SecretOnce endpoint={endpoint} secret={state.data.secret} authMode={authMode} />;
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="sourceId" value={sourceId} />
      {state.status === "error" && <Alert tone="error">{state.error.message}</Alert>}
      <SubmitButton variant="secondary" pendingLabel="Rotating…">
        Rotate secret
      </SubmitButton>
    </form>
  );
}
