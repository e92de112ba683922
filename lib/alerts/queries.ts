import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AlertDeliveryStatus, AlertFormat, AlertStatus } from "@/lib/generated/prisma/enums";
import { authorize, type Actor } from "@/lib/authz";
import { decodeCursor, toPage, type Page } from "@/lib/pagination";
import type { AlertFilters } from "@/lib/alerts/schema";

export const ALERT_PAGE_SIZE = 25;
/** What a list row shows of the payload; the stored copy is already capped at 64 KB. */
const LIST_PAYLOAD_CHARS = 8 * 1024;
const PREVIEW_DELIVERIES = 5;
const SOURCES_LIMIT = 200;

export async function listAlertSources(actor: Actor, teamId: string) {
  authorize(actor, "incident.read", { teamId });
  return db().alertSource.findMany({
    where: { teamId },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: SOURCES_LIMIT,
    select: { id: true, name: true, format: true, authMode: true, enabled: true, lastDeliveryAt: true, previousExpiresAt: true },
  });
}

export async function getAlertSource(actor: Actor, teamId: string, sourceId: string) {
  authorize(actor, "alertSource.manage", { teamId });
  if (sourceId.length > 64) return null;
  return db().alertSource.findFirst({
    where: { id: sourceId, teamId },
    select: { id: true, name: true, format: true, authMode: true, mapping: true, rules: true, enabled: true, version: true, lastDeliveryAt: true, previousExpiresAt: true },
  });
}

/** A source as any member may see it: never its secrets, mapping or rules (those are for admins). */
export async function getAlertSourceSummary(actor: Actor, teamId: string, sourceId: string) {
  authorize(actor, "incident.read", { teamId });
  if (sourceId.length > 64) return null;
  return db().alertSource.findFirst({
    where: { id: sourceId, teamId },
    select: { id: true, name: true, format: true, authMode: true, enabled: true, version: true, lastDeliveryAt: true, previousExpiresAt: true, createdAt: true },
  });
}

export type DeliverySummary = { id: string; receivedAt: Date; status: AlertDeliveryStatus; error: string | null; body: string };

/** The last bodies a source sent, for the mapping preview and the source page. */
export async function recentDeliveries(actor: Actor, teamId: string, sourceId: string, take = PREVIEW_DELIVERIES): Promise<DeliverySummary[]> {
  authorize(actor, "alertSource.manage", { teamId });
  return db().alertDelivery.findMany({
    where: { sourceId, teamId },
    orderBy: { receivedAt: "desc" },
    take,
    select: { id: true, receivedAt: true, status: true, error: true, body: true },
  });
}

export type AlertListRow = {
  id: string;
  title: string;
  status: AlertStatus;
  severity: string;
  count: number;
  startsAt: Date;
  firstSeenAt: Date;
  lastSeenAt: Date;
  endsAt: Date | null;
  labels: Record<string, string>;
  payload: string;
  sourceId: string;
  sourceName: string;
  sourceFormat: AlertFormat;
  incidentNumber: number | null;
};

/** Newest activity first; each filter is served by an (teamId, …, lastSeenAt, id) index (see the EXPLAIN test). */
export async function listAlerts(actor: Actor, teamId: string, filters: AlertFilters): Promise<Page<AlertListRow>> {
  authorize(actor, "incident.read", { teamId });
  const where: Prisma.Sql[] = [Prisma.sql`a."teamId" = ${teamId}`];
  if (filters.status) where.push(Prisma.sql`a.status = ${filters.status}::"AlertStatus"`);
  if (filters.source) where.push(Prisma.sql`a."sourceId" = ${filters.source}`);
  if (filters.inbox) where.push(Prisma.sql`a."incidentId" IS NULL AND a.status <> 'RESOLVED'`);
  const cursor = decodeCursor(filters.after);
  const cursorAt = cursor ? new Date(cursor.at) : null;
  if (cursor && cursorAt && !Number.isNaN(cursorAt.getTime())) where.push(Prisma.sql`(a."lastSeenAt", a.id) < (${cursorAt}, ${cursor.id})`);
  const rows = await db().$queryRaw<AlertListRow[]>`
    SELECT a.id, a.title, a.status, a.severity, a.count, a."startsAt", a."firstSeenAt", a."lastSeenAt", a."endsAt", a.labels,
           left(a.payload, ${LIST_PAYLOAD_CHARS}::int) AS payload, a."sourceId", s.name AS "sourceName", s.format AS "sourceFormat", i.number AS "incidentNumber"
      FROM "Alert" a
      JOIN "AlertSource" s ON s.id = a."sourceId"
      LEFT JOIN "Incident" i ON i.id = a."incidentId"
     WHERE ${Prisma.join(where, " AND ")}
     ORDER BY a."lastSeenAt" DESC, a.id DESC
     LIMIT ${ALERT_PAGE_SIZE + 1}`;
  return toPage(rows, ALERT_PAGE_SIZE, (row) => ({ at: row.lastSeenAt.toISOString(), id: row.id }));
}

/** One alert with its whole stored payload (capped at 64 KB when stored). */
export async function getAlert(actor: Actor, teamId: string, alertId: string) {
  authorize(actor, "incident.read", { teamId });
  if (alertId.length > 64) return null;
  return db().alert.findFirst({
    where: { id: alertId, teamId },
    select: {
      id: true, title: true, status: true, severity: true, count: true, dedupKey: true, startsAt: true, firstSeenAt: true, lastSeenAt: true, endsAt: true,
      labels: true, annotations: true, links: true, payload: true, generatorURL: true,
      source: { select: { id: true, name: true, format: true } },
      incident: { select: { number: true, title: true } },
    },
  });
}

/** Open incidents a triaged alert can join, newest first. */
export async function attachableIncidents(actor: Actor, teamId: string) {
  authorize(actor, "incident.read", { teamId });
  return db().incident.findMany({
    where: { teamId, status: { not: "RESOLVED" } },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: 50,
    select: { number: true, title: true },
  });
}
