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

/** The severity, status and service filters on incident alias `i` (everything but the period). */
export function incidentFilterSql(scope: Scope): Prisma.Sql {
  const { severity, status, service } = scope.filters;
  const parts: Prisma.Sql[] = [];
  if (severity.length) parts.push(Prisma.sql`AND i.severity IN (${Prisma.join(severity.map((v) => Prisma.sql`${v}::"Severity"`))})`);
  if (status.length) parts.push(Prisma.sql`AND i.status IN (${Prisma.join(status.map((v) => Prisma.sql`${v}::"IncidentStatus"`))})`);
  if (service) {
    // From the service to its incidents ((serviceId, incidentId) index), never the other way round.
    parts.push(Prisma.sql`AND i.id IN (SELECT x."incidentId" FROM "IncidentService" x JOIN "Service" s ON s.id = x."serviceId"
                                        WHERE ${teamIn(scope, Prisma.sql`s."teamId"`)} AND s.name = ${service})`);
  }
  return parts.length ? Prisma.join(parts, " ") : Prisma.empty;
}

/**
 * The incident filters for a statement over tasks (alias `t`). OFFSET 0 keeps it a per-task
 * primary-key probe: flattened into a join, the planner would hash the whole Incident table.
 */
export function taskIncidentFilterSql(scope: Scope): Prisma.Sql {
  const filters = incidentFilterSql(scope);
  if (filters === Prisma.empty) return Prisma.empty;
  return Prisma.sql`AND EXISTS (SELECT 1 FROM "Incident" i WHERE i.id = t."incidentId" ${filters} OFFSET 0)`;
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

/** A JSON array of the first REFS_PER_POINT incidents of a group, oldest first (an aggregate over alias `alias`). */
export const refsSql = (alias: string, filter: Prisma.Sql = Prisma.empty) => Prisma.sql`to_json((array_agg(json_build_object(
    'teamId', ${Prisma.raw(alias)}."teamId", 'number', ${Prisma.raw(alias)}.number, 'title', ${Prisma.raw(alias)}.title)
    ORDER BY ${Prisma.raw(alias)}."startedAt", ${Prisma.raw(alias)}.number) ${filter})[1:${Prisma.raw(String(REFS_PER_POINT))}])`;
