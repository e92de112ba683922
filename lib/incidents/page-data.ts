import { cache } from "react";
import { notFound } from "next/navigation";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { authorize, can, type Actor } from "@/lib/authz";
import type { TeamContext } from "@/lib/teams/actor";
import { listMemberOptions } from "@/lib/teams/queries";
import type { IncidentDetail } from "@/lib/incidents/queries";
import { listServices } from "@/lib/incidents/services";
import { listIncidentTasks } from "@/lib/tasks/queries";
import { getPostmortemStatus } from "@/lib/postmortems/queries";
import { findEvent, listEventsBefore, listLatestEvents, listStarredEvents, searchTimeline } from "@/lib/timeline/queries";
import { findReadableIncident } from "@/lib/incidents/live";
import { toEventData } from "@/lib/timeline/event-data";

/**
 * The incident as `getIncident` returns it, in one statement instead of six (Prisma loads each
 * relation with its own query): people and services come along as JSON.
 */
export async function getIncidentDetail(actor: Actor, teamId: string, number: number): Promise<IncidentDetail | null> {
  authorize(actor, "incident.read", { teamId });
  if (!Number.isSafeInteger(number) || number < 1) return null;
  const rows = await db().$queryRaw<(Omit<IncidentDetail, "services"> & { services: { service: { id: string; name: string } }[] })[]>(Prisma.sql`
    SELECT i.id, i.number, i.title, i.summary, i.status::text AS status, i.severity::text AS severity, i."timeZone", i.impact, i."usersAffectedPct",
           i."rootCause", i.resolution, i."startedAt", i."detectedAt", i."acknowledgedAt", i."mitigatedAt", i."resolvedAt", i.version, i.origin::text AS origin, i."createdAt", i."updatedAt",
           CASE WHEN c.id IS NULL THEN NULL ELSE json_build_object('id', c.id, 'name', c.name) END AS commander,
           CASE WHEN d.id IS NULL THEN NULL ELSE json_build_object('name', d.name) END AS "declaredBy",
           CASE WHEN l.id IS NULL THEN NULL ELSE json_build_object('name', l.name) END AS "lastEditor",
           COALESCE((SELECT json_agg(json_build_object('service', json_build_object('id', s.id, 'name', s.name)) ORDER BY s.name)
                     FROM "IncidentService" x JOIN "Service" s ON s.id = x."serviceId" WHERE x."incidentId" = i.id), '[]'::json) AS services
    FROM "Incident" i
    LEFT JOIN "User" c ON c.id = i."commanderId"
    LEFT JOIN "User" d ON d.id = i."declaredById"
    LEFT JOIN "User" l ON l.id = i."lastEditedById"
    WHERE i."teamId" = ${teamId} AND i.number = ${number}`);
  return rows[0] ?? null;
}

/**
 * Everything the incident page reads, in one place so its statements can be counted (cached per
 * request, so the page's metadata shares it): the incident,
 * then in parallel the newest events (or a search's matches), the newest starred ones, members,
 * services, tasks and the postmortem's status. `since` is taken before the events are read, so a
 * live viewer catches up on anything written while the page rendered.
 */
export const loadIncidentPage = cache(async ({ team, actor }: Pick<TeamContext, "team" | "actor">, number: number, q?: string, taskFrom?: string) => {
  const incident = await getIncidentDetail(actor, team.id, number);
  if (!incident) notFound();
  const since = Date.now();
  const query = q?.trim() ? q.trim().slice(0, 200) : undefined;
  const [slice, starred, members, services, tasks, postmortem, fromEvent] = await Promise.all([
    query ? searchTimeline(actor, team.id, incident.id, query) : listLatestEvents(actor, team.id, incident.id),
    query ? null : listStarredEvents(actor, team.id, incident.id),
    listMemberOptions(actor, team.id),
    listServices(actor, team.id),
    listIncidentTasks(actor, team.id, incident.id),
    getPostmortemStatus(actor, team.id, incident.id),
    taskFrom && can(actor, "task.create", { teamId: team.id }) ? findEvent(actor, team.id, incident.id, taskFrom) : null,
  ]);
  const shown = new Set(slice.entries.map((e) => e.id));
  const first = slice.entries[0];
  const starredEarlier = (starred?.entries ?? []).filter((e) => !shown.has(e.id) && first && e.occurredAt.getTime() <= first.occurredAt.getTime());
  return {
    incident,
    since,
    query,
    timeline: { events: slice.entries.map(toEventData), earlier: slice.earlier, starredEarlier: starredEarlier.map(toEventData) },
    members,
    services,
    tasks,
    postmortem,
    fromEvent,
  };
});

export type IncidentPageData = Awaited<ReturnType<typeof loadIncidentPage>>;

/** "Show earlier events": the events (or search matches) before a cursor, for a signed-in member who may read the incident. */
export async function loadEarlierEvents(userId: string, slug: string, number: number, before: string, q?: string) {
  const { teamId, incidentId, actor } = await findReadableIncident(userId, slug, number);
  const query = q?.trim() ? q.trim().slice(0, 200) : undefined;
  const slice = query ? await searchTimeline(actor, teamId, incidentId, query, before) : await listEventsBefore(actor, teamId, incidentId, before);
  return { events: slice.entries.map(toEventData), earlier: slice.earlier };
}
