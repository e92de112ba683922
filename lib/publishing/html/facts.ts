import { formatDateTime, formatDayHeading, formatTime } from "@/lib/time/format";
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

type Phase = { name: string; className: string; ms: number };

/** The incident's stretches between its key moments: unnoticed, until mitigated, until resolved. */
function phasesOf(incident: PostmortemFacts["incident"], now = new Date()): Phase[] {
  const t = (iso: string | null) => (iso ? Date.parse(iso) : null);
  const started = Date.parse(incident.startedAt);
  const detected = t(incident.detectedAt);
  const mitigated = t(incident.mitigatedAt);
  const end = t(incident.resolvedAt) ?? now.getTime();
  const phases: Phase[] = [];
  let from = started;
  if (detected !== null && detected > from && detected <= end) {
    phases.push({ name: "Unnoticed", className: "p-unnoticed", ms: detected - from });
    from = detected;
  }
  if (mitigated !== null && mitigated > from && mitigated <= end) {
    phases.push({ name: "Until mitigated", className: "p-mitigating", ms: mitigated - from });
    from = mitigated;
  }
  if (end > from) phases.push({ name: incident.resolvedAt ? "Until resolved" : "Ongoing", className: "p-resolving", ms: end - from });
  return phases;
}

/** The phases as one bar (an SVG: widths without inline styles, which the page's policy forbids) and a legend in words. */
function phasesHtml(phases: Phase[]): Html | null {
  const total = phases.reduce((sum, p) => sum + p.ms, 0);
  if (phases.length < 2 || total <= 0) return null;
  let x = 0;
  const rects = phases.map((p) => {
    const width = (p.ms / total) * 100;
    const rect = html`<rect class="${p.className}" x="${x.toFixed(2)}" y="0" width="${Math.max(width, 0.8).toFixed(2)}" height="10"></rect>`;
    x += width;
    return rect;
  });
  return html`<div class="phases"><svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">${rects}</svg>
<ol class="legend">${phases.map((p) => html`<li><span class="swatch ${p.className}" aria-hidden="true"></span>${p.name}: <strong>${formatDuration(p.ms)}</strong></li>`)}</ol></div>`;
}

/** The lead: what happened, in the team's words, before any number. */
export function leadHtml(incident: PostmortemFacts["incident"]): Html | null {
  return incident.summary ? html`<p class="lead">${incident.summary}</p>` : null;
}

/** The impact at a glance: how long, how many, how bad, how fast it was seen and fixed. */
export function glanceHtml(incident: PostmortemFacts["incident"]): Html {
  const d = durationsOf(incident);
  const detected = at(incident.detectedAt);
  const resolved = at(incident.resolvedAt);
  const fixAfterDetection = detected && resolved ? resolved.getTime() - detected.getTime() : null;
  return html`<section class="glance" aria-labelledby="glance-heading"><h2 id="glance-heading" class="visually-hidden">At a glance</h2>
<dl class="strip">
<div><dt>Duration</dt><dd>${formatDuration(d.total)}${d.ongoing ? " so far" : ""}</dd></div>
${incident.usersAffectedPct !== null ? html`<div><dt>Users affected</dt><dd>${incident.usersAffectedPct}%</dd></div>` : null}
<div><dt>Severity</dt><dd>${incident.severity}</dd></div>
${d.timeToDetect !== null ? html`<div><dt>Detected after</dt><dd>${formatDuration(d.timeToDetect)}</dd></div>` : null}
${fixAfterDetection !== null && fixAfterDetection >= 0 ? html`<div><dt>Resolved after</dt><dd>${formatDuration(fixAfterDetection)}<small>from detection</small></dd></div>` : null}
${resolved ? null : html`<div><dt>Status</dt><dd class="warn">${STATUS_LABEL[incident.status]}</dd></div>`}
</dl>
${phasesHtml(phasesOf(incident))}
<p class="when">${timeHtml(incident.startedAt, incident.timeZone, true)} to ${incident.resolvedAt ? timeHtml(incident.resolvedAt, incident.timeZone, true) : "ongoing"}</p>
${incident.impact ? html`<p class="impact"><strong>Impact.</strong> ${incident.impact}</p>` : null}
</section>`;
}

const KEY_KINDS = new Set(["DETECTION", "MITIGATION", "RESOLUTION"]);

/**
 * The timeline as a picture of the day: a rail with one stop per event, coloured by kind, the time
 * since the start beside each; dead ends branch off the rail, dashed, so the paths that led
 * nowhere stay visible without reading as progress.
 */
export function timelineHtml(events: PostmortemFacts["events"], zone: string, scope: "starred" | "all", startedAt?: string): Html | null {
  const shown = scope === "starred" ? events.filter((e) => e.starred) : events;
  if (shown.length === 0) return null;
  const dated = dayChanges(shown.map((e) => new Date(e.occurredAt)), zone);
  const start = startedAt ? Date.parse(startedAt) : null;
  return html`<ol class="timeline">${shown.map((e, i) => {
    const since = start !== null ? Date.parse(e.occurredAt) - start : null;
    const day = dated[i] ? html`<li class="day"><div class="when"></div><div class="what">${formatDayHeading(dayKey(new Date(e.occurredAt), zone))}</div></li>` : null;
    return html`${day}<li class="kind-${e.kind.toLowerCase()}${KEY_KINDS.has(e.kind) ? " key" : ""}"><div class="when">${timeHtml(e.occurredAt, zone)}${since !== null && since >= 60_000 ? html`<span class="since">+${formatDuration(since)}</span>` : null}</div><div class="what"><span class="kind">${KIND_LABEL[e.kind] ?? e.kind}</span><div class="body">${raw(renderMarkdown(e.body))}</div></div></li>`;
  })}</ol>`;
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
