"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";
import { signUpAction } from "@/lib/auth/actions";
import { PASSWORD_MIN } from "@/lib/auth/schema";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action] = useActionState(signUpAction, idle);
  const fields = state.status === "error" ? state.error.fields : undefined;
  const values = state.status === "error" ? state.values : {};
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      {state.status === "error" && !fields && <Alert tone="error">{state.error.message}</Alert>}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField label="Your name" name="name" autoComplete="name" required defaultValue={values.name} key={`name-${values.name}`} errors={fields?.name} />
      <TextField label="Work email" name="email" type="email" autoComplete="email" required defaultValue={values.email} key={`email-${values.email}`} errors={fields?.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        hint={`At least ${PASSWORD_MIN} characters. A passphrase works well.`}
        errors={fields?.password}
      />
      <SubmitButton className="w-full" pendingLabel="Creating account…">
        Create account
      </SubmitButton>
    </form>
  );
}
