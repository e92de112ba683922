import { formatDateTime, formatTime } from "@/lib/time/format";
import { formatDuration, incidentDurations } from "@/lib/incidents/durations";
import { TASK_STATUS_LABEL, TASK_TYPE_LABEL } from "@/lib/tasks/labels";
import { STATUS_LABEL } from "@/lib/incidents/labels";
import type { PostmortemFacts } from "@/lib/postmortems/facts";
import type { TaskType } from "@/lib/generated/prisma/enums";

const KIND_LABEL: Record<string, string> = {
  DETECTION: "Detected",
  ACTION: "Action",
  INVESTIGATION: "Investigation",
  DEAD_END: "Dead end",
  ESCALATION: "Escalation",
  MITIGATION: "Mitigation",
  RESOLUTION: "Resolved",
  COMMUNICATION: "Communication",
  NOTE: "Note",
  UPDATE: "Update",
};

/** A moment in the incident's zone with its offset; /p-time.js adds the reader's own time. */
export function PublicTime({ iso, zone, withDate = false }: { iso: string; zone: string; withDate?: boolean }) {
  const date = new Date(iso);
  return (
    <time dateTime={iso} data-local={withDate ? "datetime" : "time"}>
      {withDate ? formatDateTime(date, zone) : formatTime(date, zone)}
    </time>
  );
}

const at = (iso: string | null) => (iso ? new Date(iso) : null);

/** What happened, impact, duration, status — the reader's first minute. */
export function GlanceCard({ incident }: { incident: PostmortemFacts["incident"] }) {
  const durations = incidentDurations({
    startedAt: new Date(incident.startedAt),
    detectedAt: at(incident.detectedAt),
    acknowledgedAt: at(incident.acknowledgedAt),
    mitigatedAt: at(incident.mitigatedAt),
    resolvedAt: at(incident.resolvedAt),
  });
  return (
    <section className="glance" aria-labelledby="glance-heading">
      <h2 id="glance-heading" className="visually-hidden">At a glance</h2>
      <dl>
        <div>
          <dt>Duration</dt>
          <dd>{formatDuration(durations.total)}{durations.ongoing ? " so far" : ""}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd className={incident.resolvedAt ? "ok" : "warn"}>{STATUS_LABEL[incident.status]}</dd>
        </div>
        <div>
          <dt>Severity</dt>
          <dd>{incident.severity}</dd>
        </div>
        {incident.usersAffectedPct !== null && (
          <div>
            <dt>Users affected</dt>
            <dd>{incident.usersAffectedPct}%</dd>
          </div>
        )}
      </dl>
      <p className="when">
        <PublicTime iso={incident.startedAt} zone={incident.timeZone} withDate /> to{" "}
        {incident.resolvedAt ? <PublicTime iso={incident.resolvedAt} zone={incident.timeZone} withDate /> : "ongoing"}
        {durations.timeToDetect !== null && <> · detected after {formatDuration(durations.timeToDetect)}</>}
      </p>
      {incident.summary && <p className="what">{incident.summary}</p>}
      {incident.impact && (
        <p className="impact">
          <strong>Impact.</strong> {incident.impact}
        </p>
      )}
    </section>
  );
}

/** The timeline as a diagram: a line through the day, one coloured stop per event. */
export function PublicTimeline({ events, zone, scope }: { events: PostmortemFacts["events"]; zone: string; scope: "starred" | "all" }) {
  const shown = scope === "starred" ? events.filter((e) => e.starred) : events;
  if (shown.length === 0) return null;
  return (
    <ol className="timeline">
      {shown.map((event) => (
        <li key={event.id} className={`kind-${event.kind.toLowerCase()}`}>
          <PublicTime iso={event.occurredAt} zone={zone} />
          <span className="kind">{KIND_LABEL[event.kind] ?? event.kind}</span>
          <p>{event.body.replace(/[*_`]/g, "")}</p>
        </li>
      ))}
    </ol>
  );
}

const ORDER: TaskType[] = ["CORRECTIVE", "PREVENTIVE", "DETECTIVE", "MITIGATING", "PROCESS"];

/** The promises made, with how far along they are. */
export function PublicTasks({ tasks }: { tasks: PostmortemFacts["tasks"] }) {
  if (tasks.length === 0) return null;
  const done = tasks.filter((t) => t.status === "DONE").length;
  const percent = Math.round((done / tasks.length) * 100);
  return (
    <div className="tasks">
      <p className="progress">
        <span>{done} of {tasks.length} done</span>
        <progress value={done} max={tasks.length} aria-label={`${percent}% of the measures done`} />
      </p>
      {ORDER.map((type) => {
        const group = tasks.filter((t) => t.type === type);
        if (group.length === 0) return null;
        return (
          <div key={type}>
            <h3>{TASK_TYPE_LABEL[type].label}</h3>
            <ul>
              {group.map((t) => (
                <li key={t.id} className={t.status === "DONE" ? "done" : ""}>
                  <span aria-hidden="true">{t.status === "DONE" ? "✓" : "○"}</span> {t.title} <em>{TASK_STATUS_LABEL[t.status]}</em>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
