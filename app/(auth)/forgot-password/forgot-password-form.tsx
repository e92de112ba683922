"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";
import { forgotPasswordAction } from "@/lib/auth/actions";

export function ForgotPasswordForm() {
  const [state, action] = useActionState(forgotPasswordAction, idle);
  const fields = state.status === "error" ? state.error.fields : undefined;
  const values = state.status === "error" ? state.values : {};
  if (state.status === "ok") return <Alert tone="success" className="mt-6">{state.message}</Alert>;
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      {state.status === "error" && !fields && <Alert tone="error">{state.error.message}</Alert>}
      <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={values.email} key={`email-${values.email}`} errors={fields?.email} />
      <SubmitButton className="w-full" pendingLabel="Sending…">
        Send me a link
      </SubmitButton>
    </form>
  );
}
