"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { TextField, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";
import { importPostmortemAction } from "@/lib/postmortems/actions";

/** Starts the postmortem from Markdown: one written elsewhere, or exported from Hindsight. */
export function ImportForm({ teamId, incidentId }: { teamId: string; incidentId: string }) {
  const [state, action] = useActionState(importPostmortemAction, idle);
  const values = state.status === "error" ? state.values : {};
  const errors = state.status === "error" ? (state.error.fields ?? {}) : {};
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="incidentId" value={incidentId} />
      <TextField label="Title (optional)" name="title" maxLength={200} defaultValue={values.title ?? ""} errors={errors.title} hint="Leave empty to use the Markdown's first “# heading”." />
      <div className="space-y-1.5">
        <label htmlFor="import-markdown" className="block text-sm font-medium">Markdown</label>
        <textarea id="import-markdown" name="markdown" rows={8} required className={`${inputClass} font-mono text-xs`} defaultValue={values.markdown ?? ""} aria-invalid={Boolean(errors.markdown)} />
        {errors.markdown && <p className="text-sm text-red-700 dark:text-red-400">{errors.markdown.join(" ")}</p>}
      </div>
      {state.status === "error" && !state.error.fields && <Alert tone="error">{state.error.message}</Alert>}
      <SubmitButton variant="secondary" pendingLabel="Importing…">Import</SubmitButton>
    </form>
  );
}
