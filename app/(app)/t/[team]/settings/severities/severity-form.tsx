"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { SeverityBadge } from "@/components/incidents/badges";
import { idle } from "@/lib/action-state";
import { updateSeverityDescriptionsAction } from "@/lib/incidents/actions";
import { SEVERITY_DESCRIPTION_MAX } from "@/lib/incidents/schema";
import { SEVERITIES } from "@/lib/incidents/fields";
import type { Severity } from "@/lib/generated/prisma/enums";

export function SeverityForm({ teamId, descriptions, editable }: { teamId: string; descriptions: Record<Severity, string>; editable: boolean }) {
  const [state, action] = useActionState(updateSeverityDescriptionsAction, idle);
  const fields = state.status === "error" ? state.error.fields : undefined;
  const values = state.status === "error" ? state.values : {};
  return (
    <form action={action} className="max-w-xl space-y-4" noValidate>
      <input type="hidden" name="teamId" value={teamId} />
      {state.status === "error" && !fields && <Alert tone="error">{state.error.message}</Alert>}
      {state.status === "ok" && <Alert tone="success">{state.message}</Alert>}
      <fieldset disabled={!editable} className="space-y-4">
        {SEVERITIES.map((level) => (
          <Field key={level} label={level} name={level} errors={fields?.[level]} max={SEVERITY_DESCRIPTION_MAX}>
            {(control) => (
              <div className="flex items-start gap-3">
                <SeverityBadge severity={level} />
                <textarea {...control} rows={2} defaultValue={values[level] ?? descriptions[level]} className={inputClass} />
              </div>
            )}
          </Field>
        ))}
        {editable && <SubmitButton pendingLabel="Saving…">Save levels</SubmitButton>}
      </fieldset>
    </form>
  );
}
