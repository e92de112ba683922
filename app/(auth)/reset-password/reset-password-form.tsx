"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";
import { resetPasswordAction } from "@/lib/auth/actions";
import { PASSWORD_MIN } from "@/lib/auth/schema";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action] = useActionState(resetPasswordAction, idle);
  const fields = state.status === "error" ? state.error.fields : undefined;
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      {state.status === "error" && !fields?.password && <Alert tone="error">{state.error.message}</Alert>}
      <input type="hidden" name="token" value={token} />
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        hint={`At least ${PASSWORD_MIN} characters. Every other session of your account ends.`}
        errors={fields?.password}
      />
      <SubmitButton className="w-full" pendingLabel="Saving…">
        Set new password
      </SubmitButton>
    </form>
  );
}
