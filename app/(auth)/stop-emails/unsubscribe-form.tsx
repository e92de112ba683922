"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";
import { unsubscribeAction } from "@/lib/mail/actions";

export function UnsubscribeForm({ token, what }: { token: string; what: string }) {
  const [state, action] = useActionState(unsubscribeAction, idle);
  if (state.status === "ok") return <Alert tone="success" className="mt-6">{state.message}</Alert>;
  return (
    <form action={action} className="mt-6 space-y-4">
      {state.status === "error" && <Alert tone="error">{state.error.message}</Alert>}
      <input type="hidden" name="token" value={token} />
      <SubmitButton className="w-full" pendingLabel="Unsubscribing…">
        Stop e-mails about {what}
      </SubmitButton>
    </form>
  );
}
