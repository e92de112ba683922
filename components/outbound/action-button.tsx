"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { Alert } from "@/components/ui/alert";
import { idle, type ActionState } from "@/lib/action-state";

type Props<T> = {
  action: (state: ActionState<T>, form: FormData) => Promise<ActionState<T>>;
  fields: Record<string, string>;
  label: string;
  pendingLabel?: string;
  variant?: "primary" | "secondary" | "danger" | "ghost";
  /** Shown once after success, e.g. a new signing secret. */
  reveal?: (data: T) => React.ReactNode;
};

/** One button that runs one server action on a delivery target and says how it went. */
export function ActionButton<T>({ action, fields, label, pendingLabel = "Working…", variant = "secondary", reveal }: Props<T>) {
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
          {reveal?.(state.data)}
        </Alert>
      )}
    </form>
  );
}
