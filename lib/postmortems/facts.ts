import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/authz";
import type { IncidentStatus, Severity, TaskPriority, TaskStatus, TaskType, TimelineKind } from "@/lib/generated/prisma/enums";
import { TIMELINE_LIMIT } from "@/lib/timeline/queries";

/** An incident has tens of tasks; the bound only protects the page. */
const TASK_LIMIT = 500;

/**
 * What a postmortem's live blocks show, read from the incident each time the document is
 * viewed: times, impact, timeline, tasks. Plain data (ISO strings) so it can cross to the browser.
 */
export type PostmortemFacts = {
  incident: {
    number: number;
    title: string;
    severity: Severity;
    status: IncidentStatus;
    timeZone: string;
    summary: string;
    impact: string;
    usersAffectedPct: number | null;
    rootCause: string;
    resolution: string;
    startedAt: string;
    detectedAt: string | null;
    acknowledgedAt: string | null;
    mitigatedAt: string | null;
    resolvedAt: string | null;
    commander: string | null;
    services: string[];
  };
  events: { id: string; kind: TimelineKind; body: string; occurredAt: string; starred: boolean; internal: boolean; system: boolean; author: string | null }[];
  tasks: { id: string; title: string; type: TaskType; status: TaskStatus; priority: TaskPriority; internal: boolean; owner: string | null; dueDate: string | null }[];
};

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export async function loadPostmortemFacts(actor: Actor, teamId: string, incidentId: string): Promise<PostmortemFacts | null> {
  authorize(actor, "postmortem.read", { teamId });
  const [incident, events, tasks] = await Promise.all([
    db().incident.findFirst({
      where: { id: incidentId, teamId },
      select: {
        number: true,
        title: true,
        severity: true,
        status: true,
        timeZone: true,
        summary: true,
        impact: true,
        usersAffectedPct: true,
        rootCause: true,
        resolution: true,
        startedAt: true,
        detectedAt: true,
        acknowledgedAt: true,
        mitigatedAt: true,
        resolvedAt: true,
        commander: { select: { name: true } },
        services: { select: { service: { select: { name: true } } }, orderBy: { service: { name: "asc" } } },
      },
    }),
    db().timelineEvent.findMany({
      where: { incidentId, teamId, deletedAt: null },
      orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
      take: TIMELINE_LIMIT,
      select: { id: true, kind: true, body: true, occurredAt: true, starred: true, internal: true, source: true, author: { select: { name: true } } },
    }),
    db().task.findMany({
      where: { incidentId, teamId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: TASK_LIMIT,
      select: { id: true, title: true, type: true, status: true, priority: true, internal: true, dueDate: true, owner: { select: { name: true } } },
    }),
  ]);
  if (!incident) return null;
  return {
    incident: {
      number: incident.number,
      title: incident.title,
      severity: incident.severity,
      status: incident.status,
      timeZone: incident.timeZone,
      summary: incident.summary,
      impact: incident.impact,
      usersAffectedPct: incident.usersAffectedPct,
      rootCause: incident.rootCause,
      resolution: incident.resolution,
      startedAt: incident.startedAt.toISOString(),
      detectedAt: iso(incident.detectedAt),
      acknowledgedAt: iso(incident.acknowledgedAt),
      mitigatedAt: iso(incident.mitigatedAt),
      resolvedAt: iso(incident.resolvedAt),
      commander: incident.commander?.name ?? null,
      services: incident.services.map((s) => s.service.name),
    },
    events: events.map((e) => ({ id: e.id, kind: e.kind, body: e.body, occurredAt: e.occurredAt.toISOString(), starred: e.starred, internal: e.internal, system: e.source === "SYSTEM", author: e.author?.name ?? null })),
    tasks: tasks.map((t) => ({
      id: t.id,
      title: t.title,
      type: t.type,
      status: t.status,
      priority: t.priority,
      internal: t.internal,
      owner: t.owner?.name ?? null,
      dueDate: t.dueDate ? t.dueDate.toISOString().slice(0, 10) : null,
    })),
  };
}
