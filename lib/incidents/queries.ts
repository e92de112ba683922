import { cache } from "react";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { IncidentStatus, Severity } from "@/lib/generated/prisma/enums";
import { authorize, type Actor } from "@/lib/authz";
import { decodeCursor, toPage, type Page } from "@/lib/pagination";
import { dayRangeToUtc } from "@/lib/time/day-range";
import type { IncidentFilters } from "@/lib/incidents/schema";
import { MEMBER_OPTIONS_LIMIT } from "@/lib/teams/queries";
import { searchTsquery } from "@/lib/incidents/search-query";

export const INCIDENT_PAGE_SIZE = 25;
/** As many services as the filter's picker lists (lib/incidents/services.ts lists the same). */
const SERVICE_OPTIONS_LIMIT = 500;

export type IncidentListRow = {
  id: string;
  number: number;
  title: string;
  status: IncidentStatus;
  severity: Severity;
  timeZone: string;
  startedAt: Date;
  resolvedAt: Date | null;
  lastActivityAt: Date;
  usersAffectedPct: number | null;
  commanderName: string | null;
  services: string[];
};

/**
 * The statement behind a page of the team's incidents, or null when a search has no terms (nothing
 * matches). Each filter and sort is served by an index (see the EXPLAIN test). Search matches
 * incidents whose texts together (title, write-ups, timeline, postmortem) hold every term, through
 * the per-incident document in `search` and its GIN index.
 */
function incidentRowsSql(teamId: string, filters: IncidentFilters, teamTimeZone: string): Prisma.Sql | null {
  const sortColumn = filters.sort === "updated" ? Prisma.sql`i."lastActivityAt"` : Prisma.sql`i."startedAt"`;
  const where: Prisma.Sql[] = [Prisma.sql`i."teamId" = ${teamId}`];
  if (filters.status.length) where.push(Prisma.sql`i.status = ANY(${filters.status}::"IncidentStatus"[])`);
  if (filters.severity.length) where.push(Prisma.sql`i.severity = ANY(${filters.severity}::"Severity"[])`);
  if (filters.commander) where.push(Prisma.sql`i."commanderId" = ${filters.commander}`);
  if (filters.service) {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "IncidentService" s JOIN "Service" sv ON sv.id = s."serviceId"
      WHERE s."incidentId" = i.id AND sv."teamId" = ${teamId} AND lower(sv.name) = lower(${filters.service}))`);
  }
  const range = dayRangeToUtc(filters.from, filters.to, teamTimeZone);
  if (range.gte) where.push(Prisma.sql`i."startedAt" >= ${range.gte}`);
  if (range.lt) where.push(Prisma.sql`i."startedAt" < ${range.lt}`);
  const cursor = decodeCursor(filters.after);
  const cursorAt = cursor ? new Date(cursor.at) : null;
  if (cursor && cursorAt && !Number.isNaN(cursorAt.getTime())) {
    where.push(Prisma.sql`(${sortColumn}, i.id) < (${cursorAt}, ${cursor.id})`);
  }
  const search = filters.q ? searchTsquery(filters.q) : null;
  if (filters.q && !search) return null;
  const columns = Prisma.sql`i.id, i.number, i.title, i.status, i.severity, i."timeZone", i."startedAt", i."resolvedAt", i."lastActivityAt",
           i."usersAffectedPct", u.name AS "commanderName",
           ARRAY(SELECT sv.name FROM "IncidentService" s JOIN "Service" sv ON sv.id = s."serviceId"
                 WHERE s."incidentId" = i.id ORDER BY sv.name) AS services`;
  return search
    ? // The matches come from the GIN index first (the team lexeme ANDed into the same lookup), then
      // are sorted, then joined: left to itself, the planner may walk the date index and test every
      // incident of the team against the term, which for a rare term reads them all.
      // A query of stop words alone ("the") matches nothing rather than everything.
      Prisma.sql`
        WITH hits AS MATERIALIZED (
          SELECT i.id, ${sortColumn} AS at FROM "Incident" i
           WHERE ${Prisma.join(where, " AND ")}
             AND i.search @@ quote_literal(${"team=" + teamId})::tsquery AND i.search @@ (${search}) AND numnode(${search}) > 0),
        page AS MATERIALIZED (SELECT id, at FROM hits ORDER BY at DESC, id DESC LIMIT ${INCIDENT_PAGE_SIZE + 1})
        SELECT ${columns}
          FROM page JOIN "Incident" i ON i.id = page.id LEFT JOIN "User" u ON u.id = i."commanderId"
         ORDER BY page.at DESC, page.id DESC`
    : Prisma.sql`
        SELECT ${columns}
          FROM "Incident" i LEFT JOIN "User" u ON u.id = i."commanderId"
         WHERE ${Prisma.join(where, " AND ")}
         ORDER BY ${sortColumn} DESC, i.id DESC
         LIMIT ${INCIDENT_PAGE_SIZE + 1}`;
}

function toIncidentPage(rows: IncidentListRow[], filters: IncidentFilters): Page<IncidentListRow> {
  return toPage(rows, INCIDENT_PAGE_SIZE, (row) => ({
    at: (filters.sort === "updated" ? row.lastActivityAt : row.startedAt).toISOString(),
    id: row.id,
  }));
}

/** The team's incidents, filtered and keyset-paginated. */
export async function listIncidents(actor: Actor, teamId: string, filters: IncidentFilters, teamTimeZone: string): Promise<Page<IncidentListRow>> {
  authorize(actor, "incident.read", { teamId });
  const sql = incidentRowsSql(teamId, filters, teamTimeZone);
  return toIncidentPage(sql ? await db().$queryRaw<IncidentListRow[]>(sql) : [], filters);
}

/** One incident by its team number, with everything its header shows. Cached per request. */
export const getIncident = cache(async (actor: Actor, teamId: string, number: number) => {
  authorize(actor, "incident.read", { teamId });
  if (!Number.isSafeInteger(number) || number < 1) return null;
  return db().incident.findUnique({
    where: { teamId_number: { teamId, number } },
    select: {
      id: true,
      number: true,
      title: true,
      summary: true,
      status: true,
      severity: true,
      timeZone: true,
      impact: true,
      usersAffectedPct: true,
      rootCause: true,
      resolution: true,
      startedAt: true,
      detectedAt: true,
      acknowledgedAt: true,
      mitigatedAt: true,
      resolvedAt: true,
      version: true,
      origin: true,
      createdAt: true,
      updatedAt: true,
      commander: { select: { id: true, name: true } },
      declaredBy: { select: { name: true } },
      lastEditor: { select: { name: true } },
      services: { select: { service: { select: { id: true, name: true } } }, orderBy: { service: { name: "asc" } } },
    },
  });
});

/** The id behind a team's incident number, read fresh (not cached), or null. */
export async function findIncidentId(actor: Actor, teamId: string, number: number): Promise<string | null> {
  authorize(actor, "incident.read", { teamId });
  if (!Number.isSafeInteger(number) || number < 1) return null;
  const row = await db().incident.findUnique({ where: { teamId_number: { teamId, number } }, select: { id: true } });
  return row?.id ?? null;
}

export type IncidentDetail = NonNullable<Awaited<ReturnType<typeof getIncident>>>;

export type IncidentFilterOptions = { services: string[]; commanders: { id: string; name: string }[] };

/** The list's filter choices (the team's services, its members as commanders), as two columns. */
const filterOptionColumns = (teamId: string) => Prisma.sql`
  ARRAY(SELECT name FROM "Service" WHERE "teamId" = ${teamId} ORDER BY name LIMIT ${SERVICE_OPTIONS_LIMIT}) AS services,
  (SELECT COALESCE(json_agg(json_build_object('id', c.id, 'name', c.name) ORDER BY c.name, c.id), '[]')
     FROM (SELECT u.id, u.name FROM "Membership" m JOIN "User" u ON u.id = m."userId"
            WHERE m."teamId" = ${teamId} ORDER BY u.name, u.id LIMIT ${MEMBER_OPTIONS_LIMIT}) c) AS commanders`;

/** The list's filter choices in one statement. */
export async function incidentFilterOptions(actor: Actor, teamId: string): Promise<IncidentFilterOptions> {
  authorize(actor, "incident.read", { teamId });
  authorize(actor, "member.list", { teamId });
  const [row] = await db().$queryRaw<IncidentFilterOptions[]>`SELECT ${filterOptionColumns(teamId)}`;
  return row ?? { services: [], commanders: [] };
}

type IncidentJsonRow = Omit<IncidentListRow, "startedAt" | "resolvedAt" | "lastActivityAt"> & { startedAt: string; resolvedAt: string | null; lastActivityAt: string };

/**
 * What the incident list page reads, in one statement: a page of incidents (as listIncidents) and
 * the filter choices. The page's rows come back as JSON, in the page's order.
 */
export async function listIncidentsWithOptions(actor: Actor, teamId: string, filters: IncidentFilters, teamTimeZone: string): Promise<{ page: Page<IncidentListRow>; options: IncidentFilterOptions }> {
  authorize(actor, "incident.read", { teamId });
  authorize(actor, "member.list", { teamId });
  const rowsSql = incidentRowsSql(teamId, filters, teamTimeZone);
  const order = filters.sort === "updated" ? Prisma.sql`r."lastActivityAt"` : Prisma.sql`r."startedAt"`;
  const rows = rowsSql ? Prisma.sql`(SELECT COALESCE(json_agg(r ORDER BY ${order} DESC, r.id DESC), '[]') FROM (${rowsSql}) r)` : Prisma.sql`'[]'::json`;
  const [row] = await db().$queryRaw<(IncidentFilterOptions & { rows: IncidentJsonRow[] })[]>`SELECT ${filterOptionColumns(teamId)}, ${rows} AS rows`;
  const items = (row?.rows ?? []).map((r) => ({ ...r, startedAt: new Date(r.startedAt), resolvedAt: r.resolvedAt === null ? null : new Date(r.resolvedAt), lastActivityAt: new Date(r.lastActivityAt) }));
  return { page: toIncidentPage(items, filters), options: { services: row?.services ?? [], commanders: row?.commanders ?? [] } };
}
