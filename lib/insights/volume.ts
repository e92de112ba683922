import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { IncidentOrigin, Severity } from "@/lib/generated/prisma/enums";
import { rankSql, refsSql, scopedIncidentsSql, servicesOf, type IncidentRef, type Scope } from "@/lib/insights/scope";

export type Volume = {
  bySeverity: { bucket: string; severity: Severity; n: number; refs: IncidentRef[] }[];
  byService: { bucket: string; service: string; n: number; refs: IncidentRef[] }[];
  byOrigin: { origin: IncidentOrigin; n: number }[];
  total: number;
};

/** Bucket starts are local dates in the scope's zone: date_trunc on the local wall time, so weeks start on Monday. */
const bucketed = (scope: Scope) => Prisma.sql`
  SELECT f.*, to_char(date_trunc(${scope.filters.volume}, f."startedAt" AT TIME ZONE ${scope.timeZone}), 'YYYY-MM-DD') AS bucket
    FROM (${scopedIncidentsSql(scope)}) f`;

/** Incidents per week or month, stacked by severity and by service, and where they came from. */
export async function volume(scope: Scope): Promise<Volume> {
  const [grouped, byService] = await Promise.all([
    db().$queryRaw<{ bucket: string | null; severity: Severity | null; origin: IncidentOrigin | null; n: number; refs: IncidentRef[] }[]>`
      SELECT b.bucket, b.severity, b.origin, count(*)::int AS n,
             CASE WHEN GROUPING(b.bucket) = 0 THEN ${refsSql("b", Prisma.sql`b.rank`)} ELSE '[]'::json END AS refs
        FROM (SELECT c.*, ${rankSql(Prisma.sql`c.bucket, c.severity`)} AS rank FROM (${bucketed(scope)}) c) b
       GROUP BY GROUPING SETS ((b.bucket, b.severity), (b.origin))
       ORDER BY b.bucket, b.severity, b.origin`,
    db().$queryRaw<{ bucket: string; service: string; n: number; refs: IncidentRef[] }[]>`
      SELECT b.bucket, b.service, count(*)::int AS n, ${refsSql("b", Prisma.sql`b.rank`)} AS refs
        FROM (SELECT c.*, ${rankSql(Prisma.sql`c.bucket, c.service`)} AS rank
                FROM (SELECT v.*, s.name AS service FROM (${bucketed(scope)}) v ${servicesOf("v")}) c) b
       GROUP BY b.bucket, b.service
       ORDER BY b.bucket, b.service`,
  ]);
  const bySeverity = grouped.filter((r) => r.bucket && r.severity).map((r) => ({ bucket: r.bucket as string, severity: r.severity as Severity, n: r.n, refs: r.refs }));
  const byOrigin = grouped.filter((r) => r.origin).map((r) => ({ origin: r.origin as IncidentOrigin, n: r.n }));
  return { bySeverity, byService, byOrigin, total: byOrigin.reduce((sum, r) => sum + r.n, 0) };
}
