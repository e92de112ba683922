import { Moment } from "@/components/time/moment";
import { formatDuration, incidentDurations } from "@/lib/incidents/durations";
import type { IncidentDetail } from "@/lib/incidents/queries";
import { dayKey } from "@/lib/time/zoned";

function Stat({ label, value, hint }: { label: string; value: string; hint?: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="mt-0.5 text-lg font-semibold tabular-nums">{value}</dd>
      {hint && <dd className="truncate text-xs text-zinc-600 dark:text-zinc-400">{hint}</dd>}
    </div>
  );
}

const show = (ms: number | null) => (ms === null ? "—" : formatDuration(ms));

export function DurationStrip({ incident }: { incident: IncidentDetail }) {
  const d = incidentDurations(incident);
  const zone = incident.timeZone;
  // A moment on another day than the start carries its date: "16:30" alone would hide days.
  const at = (date: Date) => <Moment date={date} timeZone={zone} withDate={dayKey(date, zone) !== dayKey(incident.startedAt, zone)} />;
  return (
    <dl className="grid grid-cols-2 gap-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200 sm:grid-cols-3 lg:grid-cols-5 dark:bg-zinc-900 dark:ring-zinc-800" aria-label="Durations">
      <Stat label={d.ongoing ? "Duration so far" : "Total duration"} value={formatDuration(d.total)} hint={<>from <Moment date={incident.startedAt} timeZone={zone} withDate /></>} />
      <Stat label="Time to detect" value={show(d.timeToDetect)} hint={incident.detectedAt && at(incident.detectedAt)} />
      <Stat label="Time to acknowledge" value={show(d.timeToAcknowledge)} hint={incident.acknowledgedAt && at(incident.acknowledgedAt)} />
      <Stat label="Time to mitigate" value={show(d.timeToMitigate)} hint={incident.mitigatedAt && at(incident.mitigatedAt)} />
      <Stat label="Time to resolve" value={show(d.timeToResolve)} hint={incident.resolvedAt ? at(incident.resolvedAt) : "still open"} />
    </dl>
  );
}
