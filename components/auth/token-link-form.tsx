"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type ActionState } from "@/lib/action-state";

type Props = {
  token: string;
  action: (state: ActionState<{ email: string }>, form: FormData) => Promise<ActionState<{ email: string }>>;
  label: string;
  pendingLabel: string;
  next: { href: string; label: string };
};

/**
 * A button, not a GET: mail scanners open links to check them, and must not use up a
 * single-use link before its owner clicks it.
 */
export function TokenLinkForm({ token, action, label, pendingLabel, next }: Props) {
  const [state, formAction] = useActionState(action, idle);
  if (state.status === "ok") {
    return (
      <div className="mt-6 space-y-4">
        <Alert tone="success">{state.message}</Alert>
        <Link href={next.href} className="inline-block font-medium text-brand-600 underline-offset-2 hover:underline dark:text-brand-500">
          {next.label}
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} className="mt-6 space-y-4">
      {state.status === "error" && <Alert tone="error">{state.error.message}</Alert>}
      <input type="hidden" name="token" value={token} />
      <SubmitButton className="w-full" pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
    </form>
  );
}
