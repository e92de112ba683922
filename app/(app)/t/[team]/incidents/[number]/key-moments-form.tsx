"use client";

import { TextField } from "@/components/ui/field";
import type { IncidentDetail } from "@/lib/incidents/queries";
import type { KeyMoment } from "@/lib/incidents/schema";
import { VersionedForm } from "./versioned-form";

const LABELS: { key: KeyMoment; label: string; hint?: string }[] = [
  { key: "startedAt", label: "Impact started" },
  { key: "detectedAt", label: "Detected" },
  { key: "acknowledgedAt", label: "Acknowledged" },
  { key: "mitigatedAt", label: "Mitigated" },
  { key: "resolvedAt", label: "Resolved" },
];

/** Key moments as wall times in the incident's zone; `wall` holds each, pre-formatted on the server. */
export function KeyMomentsForm({ teamId, incident, wall }: { teamId: string; incident: IncidentDetail; wall: Record<KeyMoment, string> }) {
  return (
    <VersionedForm teamId={teamId} incidentId={incident.id} version={incident.version} submitLabel="Save times">
      {({ values, fields }) => (
        <div className="grid gap-3">
          {LABELS.map(({ key, label }) => (
            <TextField
              key={key}
              label={label}
              name={key}
              type="datetime-local"
              defaultValue={values[key] ?? wall[key]}
              errors={fields?.[key]}
              required={key === "startedAt"}
            />
          ))}
          <p className="text-xs text-zinc-600 dark:text-zinc-400">Entered in {incident.timeZone}. Clear a field to unset it.</p>
        </div>
      )}
    </VersionedForm>
  );
}
