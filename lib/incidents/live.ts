import { db } from "@/lib/db";
import { authorize, can, type Actor } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { CHANGES_LIMIT, listEventChangesSince } from "@/lib/timeline/queries";
import { toEventData, type EventData } from "@/lib/timeline/event-data";

/**
 * The reads behind an incident's live stream. The stream opens with one query (membership and
 * incident together), and every change costs one query for what changed plus one for who of the
 * viewers may still read it, however many viewers there are.
 */

export type StreamTarget = { teamId: string; incidentId: string; actor: NonNullable<Actor> };

/** The incident a signed-in user asks for by team and number, with their role: a 404 for anyone who may not read it. One query. */
export async function findReadableIncident(userId: string, slug: string, number: number): Promise<StreamTarget> {
  if (!Number.isSafeInteger(number) || number < 1) throw notFound("This incident");
  const incident = await db().incident.findFirst({
    where: { number, team: { slug } },
    select: { id: true, teamId: true, team: { select: { memberships: { where: { userId }, select: { role: true } } } } },
  });
  const role = incident?.team.memberships[0]?.role;
  const actor: Actor = incident && role ? { userId, teamId: incident.teamId, role } : null;
  if (!incident || !actor) throw notFound("This incident");
  authorize(actor, "incident.read", { teamId: incident.teamId });
  return { teamId: incident.teamId, incidentId: incident.id, actor };
}

/** Facts whose change makes viewers re-read the incident's header and forms (the version counts every edit). */
export type IncidentFacts = { version: number };

export type IncidentChanges = {
  events: EventData[];
  facts: IncidentFacts | null;
  /** The latest change seen (ms): viewers resume from here. */
  cursor: number;
  /** More changed than one message carries: the viewer should reload instead. */
  tooMany: boolean;
};

/** What changed on the incident since `since` (ms), deletions included, in one round trip. */
export async function loadIncidentChanges(teamId: string, incidentId: string, since: number): Promise<IncidentChanges> {
  const [changed, facts] = await Promise.all([
    listEventChangesSince(teamId, incidentId, new Date(since)),
    db().incident.findFirst({ where: { id: incidentId, teamId }, select: { version: true } }),
  ]);
  const events = changed.slice(0, CHANGES_LIMIT).map(toEventData);
  const cursor = events.reduce((latest, e) => Math.max(latest, Date.parse(e.updatedAt)), since);
  return { events, facts, cursor, tooMany: changed.length > CHANGES_LIMIT };
}

/** Of these viewers, the ones who may still read the team's incidents: one query for all of them. */
export async function viewersWhoMayRead(teamId: string, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const memberships = await db().membership.findMany({ where: { teamId, userId: { in: userIds } }, select: { userId: true, role: true } });
  return new Set(memberships.filter((m) => can({ userId: m.userId, teamId, role: m.role }, "incident.read", { teamId })).map((m) => m.userId));
}
