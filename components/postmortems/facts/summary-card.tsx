import { Moment } from "@/components/time/moment";
import { SeverityBadge, StatusBadge } from "@/components/incidents/badges";
import { formatDuration, incidentDurations } from "@/lib/incidents/durations";
import type { PostmortemFacts } from "@/lib/postmortems/facts";

const date = (value: string | null) => (value ? new Date(value) : null);

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-wrap justify-between gap-x-4 gap-y-0.5 border-b border-zinc-100 py-1.5 last:border-0 dark:border-zinc-800">
      <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="text-right font-medium">{children}</dd>
    </div>
  );
}

/** The incident at a glance: when it started, was detected and resolved (in its zone), how long, how bad, what it touched. */
export function SummaryCard({ incident }: { incident: PostmortemFacts["incident"] }) {
  const started = new Date(incident.startedAt);
  const durations = incidentDurations({
    startedAt: started,
    detectedAt: date(incident.detectedAt),
    acknowledgedAt: date(incident.acknowledgedAt),
    mitigatedAt: date(incident.mitigatedAt),
    resolvedAt: date(incident.resolvedAt),
  });
  return (
    <div className="grid gap-4 text-sm sm:grid-cols-2">
      <dl>
        <Row label="Started"><Moment date={incident.startedAt} timeZone={incident.timeZone} withDate /></Row>
        <Row label="Detected">{incident.detectedAt ? <Moment date={incident.detectedAt} timeZone={incident.timeZone} withDate /> : "—"}</Row>
        <Row label="Resolved">{incident.resolvedAt ? <Moment date={incident.resolvedAt} timeZone={incident.timeZone} withDate /> : "Not yet"}</Row>
        <Row label="Duration">{formatDuration(durations.total)}{durations.ongoing ? " so far" : ""}</Row>
        <Row label="Time to detect">{durations.timeToDetect !== null ? formatDuration(durations.timeToDetect) : "—"}</Row>
        <Row label="Time to resolve">{durations.timeToResolve !== null ? formatDuration(durations.timeToResolve) : "—"}</Row>
      </dl>
      <dl>
        <Row label="Severity"><SeverityBadge severity={incident.severity} /></Row>
        <Row label="Status"><StatusBadge status={incident.status} /></Row>
        <Row label="Users affected">{incident.usersAffectedPct !== null ? `${incident.usersAffectedPct}%` : "—"}</Row>
        <Row label="Services">{incident.services.length ? incident.services.join(", ") : "—"}</Row>
        <Row label="Incident commander">{incident.commander ?? "—"}</Row>
        {incident.impact && (
          <div className="pt-2">
            <dt className="text-zinc-600 dark:text-zinc-400">Impact</dt>
            <dd className="mt-0.5 whitespace-pre-line">{incident.impact}</dd>
          </div>
        )}
      </dl>
    </div>
  );
}
