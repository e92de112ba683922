"use client";

import { useActionState, useEffect } from "react";
import { signIn } from "next-auth/react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";
import { startLinkAction } from "@/lib/auth/actions";

/** Records the intent to link on the server, then sends the browser through the provider's sign-in. */
export function LinkIdentityButton({ provider, name }: { provider: string; name: string }) {
  const [state, action] = useActionState(startLinkAction, idle);
  useEffect(() => {
    if (state.status === "ok") void signIn(state.data.provider, { callbackUrl: `/account?linked=${encodeURIComponent(state.data.provider)}` });
  }, [state]);
  return (
    <form action={action} className="space-y-2">
      {state.status === "error" && <Alert tone="error">{state.error.message}</Alert>}
      <input type="hidden" name="provider" value={provider} />
      <SubmitButton variant="secondary" pendingLabel="Opening…">
        Link {name}
      </SubmitButton>
    </form>
  );
}
