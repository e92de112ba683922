import type { JSONContent } from "@tiptap/core";
import type { PostmortemFacts } from "@/lib/postmortems/facts";
import { documentToMarkdownFile } from "@/lib/postmortems/markdown-file";
import { withoutEmptySections } from "@/lib/postmortems/empty-sections";
import { formatDateTime, formatTime } from "@/lib/time/format";
import { dayChanges } from "@/lib/time/zoned";
import { formatDuration, incidentDurations } from "@/lib/incidents/durations";
import { STATUS_LABEL } from "@/lib/incidents/labels";
import { TASK_STATUS_LABEL, TASK_TYPE_LABEL } from "@/lib/tasks/labels";

const at = (iso: string | null) => (iso ? new Date(iso) : null);
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, " ").trim();

function summaryMarkdown(incident: PostmortemFacts["incident"]): string {
  const zone = incident.timeZone;
  const d = incidentDurations({ startedAt: new Date(incident.startedAt), detectedAt: at(incident.detectedAt), acknowledgedAt: at(incident.acknowledgedAt), mitigatedAt: at(incident.mitigatedAt), resolvedAt: at(incident.resolvedAt) });
  const rows = [
    `- **Started:** ${formatDateTime(new Date(incident.startedAt), zone)}`,
    incident.detectedAt ? `- **Detected:** ${formatDateTime(new Date(incident.detectedAt), zone)} (after ${formatDuration(d.timeToDetect ?? 0)})` : null,
    incident.resolvedAt ? `- **Resolved:** ${formatDateTime(new Date(incident.resolvedAt), zone)}` : null,
    `- **Duration:** ${formatDuration(d.total)}${d.ongoing ? " so far" : ""}`,
    `- **Severity:** ${incident.severity} · **Status:** ${STATUS_LABEL[incident.status]}`,
    incident.usersAffectedPct !== null ? `- **Users affected:** ${incident.usersAffectedPct}%` : null,
    incident.services.length ? `- **Services:** ${incident.services.join(", ")}` : null,
    incident.impact ? `- **Impact:** ${oneLine(incident.impact)}` : null,
  ];
  return rows.filter(Boolean).join("\n");
}

function timelineMarkdown(facts: PostmortemFacts, scope: string): string {
  const events = scope === "all" ? facts.events : facts.events.filter((e) => e.starred);
  if (events.length === 0) return "_No events._";
  const zone = facts.incident.timeZone;
  const dated = dayChanges(events.map((e) => new Date(e.occurredAt)), zone);
  return events
    .map((e, i) => `- **${(dated[i] ? formatDateTime : formatTime)(new Date(e.occurredAt), zone)}** (${e.kind.toLowerCase().replace("_", " ")}) ${oneLine(e.body)}`)
    .join("\n");
}

function tasksMarkdown(tasks: PostmortemFacts["tasks"]): string {
  if (tasks.length === 0) return "_No tasks._";
  return (["CORRECTIVE", "PREVENTIVE", "DETECTIVE", "MITIGATING", "PROCESS"] as const)
    .map((type) => {
      const group = tasks.filter((t) => t.type === type);
      if (group.length === 0) return null;
      return `**${TASK_TYPE_LABEL[type].label}**\n\n${group.map((t) => `- [${t.status === "DONE" ? "x" : " "}] ${oneLine(t.title)} (${TASK_STATUS_LABEL[t.status]}${t.owner ? `, ${t.owner}` : ""}${t.dueDate ? `, due ${t.dueDate}` : ""})`).join("\n")}`;
    })
    .filter(Boolean)
    .join("\n\n");
}

/**
 * The postmortem as a standalone Markdown file that an import reads back to the same document:
 * sections, text, tables, code and diagrams as Markdown; internal passages and sections marked;
 * each live block as its directive followed by the incident's facts as they are now (a reader
 * sees them, an import drops them and keeps the live block). Action items are the incident's
 * tasks: written out under the tasks block, and back as that live block, never as copies.
 * Sections with nothing to show are left out, as on the public page.
 */
export function exportMarkdown(title: string, document: JSONContent, facts: PostmortemFacts): string {
  const body = documentToMarkdownFile(withoutEmptySections(document, facts, "export"), (live) => {
    if (live[1] === "summary") return summaryMarkdown(facts.incident);
    if (live[1] === "timeline") return timelineMarkdown(facts, live[2] ?? "starred");
    return tasksMarkdown(facts.tasks);
  });
  return `# ${title}\n\n${body.trim()}\n`;
}
