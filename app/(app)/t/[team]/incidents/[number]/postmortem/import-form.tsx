"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field, TextField, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";
import { importPostmortemAction } from "@/lib/postmortems/actions";
import { IMPORT_MAX } from "@/lib/postmortems/schema";

/** Starts the postmortem from a file: Markdown written elsewhere, or a Markdown or JSON export from Hindsight. */
export function ImportForm({ teamId, incidentId }: { teamId: string; incidentId: string }) {
  const [state, action] = useActionState(importPostmortemAction, idle);
  const values = state.status === "error" ? state.values : {};
  const errors = state.status === "error" ? (state.error.fields ?? {}) : {};
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="incidentId" value={incidentId} />
      <TextField label="Title (optional)" name="title" maxLength={200} defaultValue={values.title ?? ""} errors={errors.title} hint="Leave empty to use the Markdown's first “# heading”." />
      <Field label="Markdown or JSON export" name="markdown" errors={errors.markdown} max={IMPORT_MAX}>
        {(control) => <textarea {...control} rows={8} required className={`${inputClass} font-mono text-xs`} defaultValue={values.markdown ?? ""} />}
      </Field>
      {state.status === "error" && !state.error.fields && <Alert tone="error">{state.error.message}</Alert>}
      <SubmitButton variant="secondary" pendingLabel="Importing…">Import</SubmitButton>
    </form>
  );
}
