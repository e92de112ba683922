"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";
import { requestEmailChangeAction } from "@/lib/auth/actions";

export function ChangeEmailForm() {
  const [state, action] = useActionState(requestEmailChangeAction, idle);
  const fields = state.status === "error" ? state.error.fields : undefined;
  const values = state.status === "error" ? state.values : {};
  return (
    <form action={action} className="space-y-3 border-t border-zinc-200 px-5 py-4 dark:border-zinc-800" noValidate>
      {state.status === "ok" && <Alert tone="success">{state.message}</Alert>}
      {state.status === "error" && !fields && <Alert tone="error">{state.error.message}</Alert>}
      <TextField label="New e-mail address" name="email" type="email" autoComplete="email" required defaultValue={values.email} key={`email-${values.email}`} errors={fields?.email} hint="We send a link to the new address; nothing changes until it is opened." />
      <SubmitButton variant="secondary" pendingLabel="Sending…">
        Change address
      </SubmitButton>
    </form>
  );
}
