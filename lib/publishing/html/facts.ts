import { formatDateTime, formatTime } from "@/lib/time/format";
import { dayChanges, dayKey } from "@/lib/time/zoned";
import { formatDuration, incidentDurations } from "@/lib/incidents/durations";
import { TASK_STATUS_LABEL, TASK_TYPE_LABEL } from "@/lib/tasks/labels";
import { STATUS_LABEL } from "@/lib/incidents/labels";
import type { PostmortemFacts } from "@/lib/postmortems/facts";
import type { TaskType } from "@/lib/generated/prisma/enums";
import { html, raw, type Html } from "@/lib/publishing/html/escape";
import { renderMarkdown } from "@/lib/markdown/render";

const KIND_LABEL: Record<string, string> = {
  DETECTION: "Detected", ACTION: "Action", INVESTIGATION: "Investigation", DEAD_END: "Dead end", ESCALATION: "Escalation",
  MITIGATION: "Mitigation", RESOLUTION: "Resolved", COMMUNICATION: "Communication", NOTE: "Note", UPDATE: "Update",
};

/** A moment in the incident's zone with its offset; the page's one script adds the reader's own time. */
export function timeHtml(iso: string, zone: string, withDate = false): Html {
  const date = new Date(iso);
  return html`<time datetime="${iso}" data-local="${withDate ? "datetime" : "time"}" data-day="${dayKey(date, zone)}">${withDate ? formatDateTime(date, zone) : formatTime(date, zone)}</time>`;
}

const at = (iso: string | null) => (iso ? new Date(iso) : null);

export function durationsOf(incident: PostmortemFacts["incident"]) {
  return incidentDurations({
    startedAt: new Date(incident.startedAt),
    detectedAt: at(incident.detectedAt),
    acknowledgedAt: at(incident.acknowledgedAt),
    mitigatedAt: at(incident.mitigatedAt),
    resolvedAt: at(incident.resolvedAt),
  });
}

/** What happened, impact, duration, status — the reader's first minute. */
export function glanceHtml(incident: PostmortemFacts["incident"]): Html {
  const d = durationsOf(incident);
  return html`<section class="glance" aria-labelledby="glance-heading"><h2 id="glance-heading" class="visually-hidden">At a glance</h2>
<dl>
<div><dt>Duration</dt><dd>${formatDuration(d.total)}${d.ongoing ? " so far" : ""}</dd></div>
<div><dt>Status</dt><dd class="${incident.resolvedAt ? "ok" : "warn"}">${STATUS_LABEL[incident.status]}</dd></div>
<div><dt>Severity</dt><dd>${incident.severity}</dd></div>
${incident.usersAffectedPct !== null ? html`<div><dt>Users affected</dt><dd>${incident.usersAffectedPct}%</dd></div>` : null}
</dl>
<p class="when">${timeHtml(incident.startedAt, incident.timeZone, true)} to ${incident.resolvedAt ? timeHtml(incident.resolvedAt, incident.timeZone, true) : "ongoing"}${d.timeToDetect !== null ? ` · detected after ${formatDuration(d.timeToDetect)}` : ""}</p>
${incident.summary ? html`<p class="what">${incident.summary}</p>` : null}
${incident.impact ? html`<p class="impact"><strong>Impact.</strong> ${incident.impact}</p>` : null}
</section>`;
}

/** The timeline as a diagram: a line through the day, one coloured stop per event. */
export function timelineHtml(events: PostmortemFacts["events"], zone: string, scope: "starred" | "all"): Html | null {
  const shown = scope === "starred" ? events.filter((e) => e.starred) : events;
  if (shown.length === 0) return null;
  const dated = dayChanges(shown.map((e) => new Date(e.occurredAt)), zone);
  return html`<ol class="timeline">${shown.map(
    (e, i) => html`<li class="kind-${e.kind.toLowerCase()}">${timeHtml(e.occurredAt, zone, dated[i])}<span class="kind">${KIND_LABEL[e.kind] ?? e.kind}</span><div class="body">${raw(renderMarkdown(e.body))}</div></li>`,
  )}</ol>`;
}

const ORDER: TaskType[] = ["CORRECTIVE", "PREVENTIVE", "DETECTIVE", "MITIGATING", "PROCESS"];

/** The promises made, with how far along they are. */
export function tasksHtml(tasks: PostmortemFacts["tasks"]): Html | null {
  if (tasks.length === 0) return null;
  const done = tasks.filter((t) => t.status === "DONE").length;
  const percent = Math.round((done / tasks.length) * 100);
  return html`<div class="tasks"><p class="progress"><span>${done} of ${tasks.length} done</span><progress value="${done}" max="${tasks.length}" aria-label="${percent}% of the measures done"></progress></p>
${ORDER.map((type) => {
  const group = tasks.filter((t) => t.type === type);
  if (group.length === 0) return html``;
  return html`<h3>${TASK_TYPE_LABEL[type].label}</h3><ul>${group.map(
    (t) => html`<li${t.status === "DONE" ? html` class="done"` : null}><span aria-hidden="true">${t.status === "DONE" ? "✓" : "○"}</span> ${t.title} <em>${TASK_STATUS_LABEL[t.status]}</em></li>`,
  )}</ul>`;
})}</div>`;
}
