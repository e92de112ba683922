"use client";

import { ZonedTimeInput } from "@/components/time/zoned-time-input";
import type { IncidentDetail } from "@/lib/incidents/queries";
import type { KeyMoment } from "@/lib/incidents/schema";
import { dayKey } from "@/lib/time/zoned";
import { VersionedForm } from "./versioned-form";

const LABELS: { key: KeyMoment; label: string }[] = [
  { key: "startedAt", label: "Impact started" },
  { key: "detectedAt", label: "Detected" },
  { key: "acknowledgedAt", label: "Acknowledged" },
  { key: "mitigatedAt", label: "Mitigated" },
  { key: "resolvedAt", label: "Resolved" },
];

type Props = {
  teamId: string;
  incident: IncidentDetail;
};

/**
 * Key moments in the incident's zone. Each input sends back its stored instant untouched, so saving
 * one moment never re-reads (and never moves) the others.
 */
export function KeyMomentsForm({ teamId, incident }: Props) {
  const resolved = incident.status === "RESOLVED";
  return (
    <VersionedForm teamId={teamId} incidentId={incident.id} version={incident.version} submitLabel="Save times">
      {({ values, fields }) => (
        <div className="grid gap-3">
          {LABELS.map(({ key, label }) => (
            <ZonedTimeInput
              key={key}
              label={label}
              name={key}
              timeZone={incident.timeZone}
              stored={incident[key]}
              submitted={values[key]}
              day={dayKey(new Date(incident.startedAt), incident.timeZone)}
              errors={fields?.[key]}
              required={key === "startedAt"}
            />
          ))}
          {!resolved && (
            <label className="inline-flex items-center gap-2 text-sm">
              <input type="checkbox" name="status" value="RESOLVED" defaultChecked={values.status === "RESOLVED"} className="accent-brand-600" />
              Mark the incident resolved at the time above
            </label>
          )}
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            24-hour times in {incident.timeZone}. A time typed alone (HH:MM) is on the impact&apos;s start day. Clear both fields to unset a moment.
          </p>
        </div>
      )}
    </VersionedForm>
  );
}
