import { randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db";
import { publicOrigin } from "@/lib/publishing/origin";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import type { EventData, IncidentSummary, TeamEventType } from "@/lib/outbound/event-types";

export const OUTBOUND_CHANNEL = "hindsight_outbound";

/** Sortable, unguessable and stable: the id receivers deduplicate on. */
export function newEventId(): string {
  return `evt_${Date.now().toString(36)}${randomBytes(10).toString("hex")}`;
}

/**
 * Writes the event into the outbox inside the mutation's transaction: a rollback leaves nothing
 * to send, a commit leaves a row a worker will deliver even after a crash. The NOTIFY (sent by
 * PostgreSQL only on commit) just wakes the worker early.
 */
export async function recordTeamEvent(tx: Tx, event: { teamId: string; type: TeamEventType; data: EventData; occurredAt?: Date }): Promise<string> {
  const id = newEventId();
  await tx.teamEvent.create({ data: { id, teamId: event.teamId, type: event.type, data: event.data as InputJsonValue, occurredAt: event.occurredAt ?? new Date() } });
  await tx.$executeRaw`SELECT pg_notify(${OUTBOUND_CHANNEL}, ${id})`;
  return id;
}

export function incidentUrl(teamSlug: string, number: number): string {
  return `${publicOrigin()}/t/${teamSlug}/incidents/${number}`;
}

/** The incident as receivers see it, read inside the transaction (one statement) so it matches what was committed. */
export async function incidentSummary(tx: Tx, teamId: string, incidentId: string): Promise<IncidentSummary> {
  const [row] = await tx.$queryRaw<{ id: string; number: number; title: string; severity: string; status: string; commanderId: string | null; commanderName: string | null; slug: string }[]>`
    SELECT i.id, i.number, i.title, i.severity::text AS severity, i.status::text AS status, i."commanderId", u.name AS "commanderName", t.slug
      FROM "Incident" i JOIN "Team" t ON t.id = i."teamId" LEFT JOIN "User" u ON u.id = i."commanderId"
     WHERE i.id = ${incidentId} AND i."teamId" = ${teamId}`;
  if (!row) throw new Error(`Incident ${incidentId} not found in team ${teamId}`);
  return {
    id: row.id,
    number: row.number,
    ref: `INC-${row.number}`,
    title: row.title,
    severity: row.severity,
    status: row.status,
    commander: row.commanderId ? { id: row.commanderId, name: row.commanderName ?? "" } : null,
    url: incidentUrl(row.slug, row.number),
  };
}

/** A postmortem event: the postmortem, its incident, and whatever else the event carries. */
export async function recordPostmortemEvent(tx: Tx, teamId: string, postmortemId: string, type: TeamEventType, extra: EventData = {}): Promise<string> {
  const postmortem = await tx.postmortem.findFirstOrThrow({ where: { id: postmortemId, teamId }, select: { id: true, title: true, status: true, incidentId: true } });
  const incident = await incidentSummary(tx, teamId, postmortem.incidentId);
  return recordTeamEvent(tx, {
    teamId,
    type,
    data: { incident, postmortem: { id: postmortem.id, title: postmortem.title, status: postmortem.status, url: `${incident.url}/postmortem` }, ...extra },
  });
}

/** An incident event with the incident as it now stands. */
export async function recordIncidentEvent(tx: Tx, teamId: string, incidentId: string, type: TeamEventType, extra: EventData = {}): Promise<string> {
  return recordTeamEvent(tx, { teamId, type, data: { incident: await incidentSummary(tx, teamId, incidentId), ...extra } });
}

/** A task event with the task and its incident. */
export async function recordTaskEvent(tx: Tx, teamId: string, taskId: string, type: TeamEventType): Promise<string> {
  const task = await tx.task.findFirstOrThrow({ where: { id: taskId, teamId }, select: { id: true, title: true, type: true, status: true, ownerId: true, dueDate: true, incidentId: true } });
  return recordIncidentEvent(tx, teamId, task.incidentId, type, {
    task: { id: task.id, title: task.title, type: task.type, status: task.status, ownerId: task.ownerId, dueDate: task.dueDate?.toISOString().slice(0, 10) ?? null },
  });
}
