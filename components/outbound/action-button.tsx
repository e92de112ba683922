"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { Alert } from "@/components/ui/alert";
import { SecretReveal } from "@/components/outbound/secret-reveal";
import { idle, type ActionState } from "@/lib/action-state";

type Props<T> = {
  action: (state: ActionState<T>, form: FormData) => Promise<ActionState<T>>;
  fields: Record<string, string>;
  label: string;
  pendingLabel?: string;
  variant?: "primary" | "secondary" | "danger" | "ghost";
  /** Shows the `secret` the action returned (a new signing secret), this once. */
  revealSecret?: boolean;
};

function secretOf(data: unknown): string | null {
  return typeof data === "object" && data !== null && "secret" in data && typeof data.secret === "string" ? data.secret : null;
}

/** One button that runs one server action on a delivery target and says how it went. */
export function ActionButton<T>({ action, fields, label, pendingLabel = "Working…", variant = "secondary", revealSecret = false }: Props<T>) {
  const [state, run] = useActionState(action, idle);
  return (
    <form action={run} className="space-y-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant={variant} size="sm" pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
      {state.status === "error" && <Alert tone="error">{state.error.message}</Alert>}
      {state.status === "ok" && (
        <Alert tone="success">
          {state.message}
          {revealSecret && secretOf(state.data) && <SecretReveal secret={secretOf(state.data) ?? ""} />}
        </Alert>
      )}
    </form>
  );
}
