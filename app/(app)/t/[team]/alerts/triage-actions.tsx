"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";
import { attachAlertAction, declareFromAlertAction } from "@/lib/alerts/actions";
import { formatIncidentNumber } from "@/lib/incidents/labels";

/** The triage inbox's two ways out: declare an incident from the alert, or attach it to an open one. */
export function TriageActions({ teamId, alertId, incidents }: { teamId: string; alertId: string; incidents: { number: number; title: string }[] }) {
  const [declared, declare] = useActionState(declareFromAlertAction, idle);
  const [attached, attach] = useActionState(attachAlertAction, idle);
  const attachErrors = attached.status === "error" ? attached.error.fields?.number : undefined;
  return (
    <div className="flex flex-wrap items-start gap-3">
      <form action={declare}>
        <input type="hidden" name="teamId" value={teamId} />
        <input type="hidden" name="alertId" value={alertId} />
        <SubmitButton size="sm" pendingLabel="Declaring…">
          Declare from this alert
        </SubmitButton>
      </form>
      {incidents.length > 0 && (
        <form action={attach} className="flex items-center gap-2">
          <input type="hidden" name="teamId" value={teamId} />
          <input type="hidden" name="alertId" value={alertId} />
          <label htmlFor={`attach-${alertId}`} className="sr-only">
            Incident to attach to
          </label>
          <select id={`attach-${alertId}`} name="number" className={`${inputClass} h-8 py-1 sm:w-64`} aria-invalid={Boolean(attachErrors)}>
            {incidents.map((incident) => (
              <option key={incident.number} value={incident.number}>
                {formatIncidentNumber(incident.number)} · {incident.title}
              </option>
            ))}
          </select>
          <SubmitButton size="sm" variant="secondary" pendingLabel="Attaching…">
            Attach
          </SubmitButton>
        </form>
      )}
      {declared.status === "error" && <Alert tone="error">{declared.error.message}</Alert>}
      {attached.status === "error" && <Alert tone="error">{attachErrors?.join(" ") ?? attached.error.message}</Alert>}
      {attached.status === "ok" && <Alert tone="success">{attached.message}</Alert>}
    </div>
  );
}
