import { Prisma } from "@/lib/generated/prisma/client";
import type { InsightsFilters, Period } from "@/lib/insights/schema";

/**
 * What one Insights view reads: a team (or the teams a user belongs to), the zone its weeks and
 * months are counted in, and the period. Every statement puts `teamIds` in its WHERE.
 */
export type Scope = { teamIds: string[]; timeZone: string; period: Period; filters: InsightsFilters };

/** An incident the numbers stand for, so a chart can say which incidents are behind a point. */
export type IncidentRef = { teamId: string; number: number; title: string };

/** Up to this many incidents are named behind one bar or point; the full list is a link away. */
export const REFS_PER_POINT = 8;

export const teamIn = (scope: Scope, column: Prisma.Sql) => Prisma.sql`${column} IN (${Prisma.join(scope.teamIds)})`;

function severityStatusSql(scope: Scope): Prisma.Sql[] {
  const { severity, status } = scope.filters;
  const parts: Prisma.Sql[] = [];
  if (severity.length) parts.push(Prisma.sql`AND i.severity IN (${Prisma.join(severity.map((v) => Prisma.sql`${v}::"Severity"`))})`);
  if (status.length) parts.push(Prisma.sql`AND i.status IN (${Prisma.join(status.map((v) => Prisma.sql`${v}::"IncidentStatus"`))})`);
  return parts;
}

/** The ids of the scope's incidents on the filtered service: from the service to its incidents ((serviceId, incidentId) index). */
const serviceIncidentsSql = (scope: Scope, service: string) => Prisma.sql`(SELECT x."incidentId" FROM "IncidentService" x
  WHERE x."serviceId" IN (SELECT s.id FROM "Service" s WHERE ${teamIn(scope, Prisma.sql`s."teamId"`)} AND s.name = ${service}))`;

/** The severity, status and service filters on incident alias `i` (everything but the period). */
export function incidentFilterSql(scope: Scope): Prisma.Sql {
  const parts = severityStatusSql(scope);
  if (scope.filters.service) parts.push(Prisma.sql`AND i.id IN ${serviceIncidentsSql(scope, scope.filters.service)}`);
  return parts.length ? Prisma.join(parts, " ") : Prisma.empty;
}

/**
 * The incident filters for a statement over tasks (alias `t`), as sets of incident ids the
 * planner hashes once — a per-task look-up of its incident costs more than the whole statement.
 */
export function taskIncidentFilterSql(scope: Scope): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  const byIncident = severityStatusSql(scope);
  if (byIncident.length) {
    parts.push(Prisma.sql`AND t."incidentId" IN (SELECT i.id FROM "Incident" i WHERE ${teamIn(scope, Prisma.sql`i."teamId"`)} ${Prisma.join(byIncident, " ")})`);
  }
  if (scope.filters.service) parts.push(Prisma.sql`AND t."incidentId" IN ${serviceIncidentsSql(scope, scope.filters.service)}`);
  return parts.length ? Prisma.join(parts, " ") : Prisma.empty;
}

/**
 * The services of incident alias `alias`, as a LATERAL join. OFFSET 0 keeps it a probe of the
 * (incidentId, serviceId) key per incident rather than a hash of every incident's services.
 */
export const servicesOf = (alias: string) => Prisma.sql`CROSS JOIN LATERAL (SELECT x."serviceId" FROM "IncidentService" x
  WHERE x."incidentId" = ${Prisma.raw(alias)}.id OFFSET 0) x JOIN "Service" s ON s.id = x."serviceId"`;

/** The incidents a view counts: started in the period, in the scope's teams, matching the filters. */
export const scopedIncidentsSql = (scope: Scope, from = scope.period.from) => Prisma.sql`
  SELECT i.id, i."teamId", i.number, i.title, i.severity, i.status, i.origin, i."startedAt", i."detectedAt",
         i."acknowledgedAt", i."mitigatedAt", i."resolvedAt"
    FROM "Incident" i
   WHERE ${teamIn(scope, Prisma.sql`i."teamId"`)} AND i."startedAt" >= ${from} AND i."startedAt" < ${scope.period.to}
         ${incidentFilterSql(scope)}`;

/**
 * A JSON array of the first REFS_PER_POINT incidents of a group (an aggregate over alias `alias`),
 * oldest first. `rank` is the row's row_number() within the group: building JSON for every row
 * only to keep eight costs more than the rest of the statement.
 */
export const refsSql = (alias: string, rank: Prisma.Sql, filter: Prisma.Sql = Prisma.empty) => {
  const a = Prisma.raw(alias);
  return Prisma.sql`COALESCE(json_agg(json_build_object('teamId', ${a}."teamId", 'number', ${a}.number, 'title', ${a}.title)
    ORDER BY ${a}."startedAt", ${a}.number) FILTER (WHERE ${rank} <= ${Prisma.raw(String(REFS_PER_POINT))} ${filter}), '[]'::json)`;
};

/** row_number() in start order within `partition`, for refsSql. */
export const rankSql = (partition: Prisma.Sql) => Prisma.sql`row_number() OVER (PARTITION BY ${partition} ORDER BY "startedAt", number)`;
