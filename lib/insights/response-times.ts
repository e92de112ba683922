import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Severity } from "@/lib/generated/prisma/enums";
import type { Metric } from "@/lib/insights/schema";
import { rankSql, refsSql, scopedIncidentsSql, servicesOf, type IncidentRef, type Scope } from "@/lib/insights/scope";

/** Median, p90 and n of one duration (seconds); `missing` incidents lack the moment and are not in n. */
export type Stat = { p50: number | null; p90: number | null; n: number; missing: number; refs: IncidentRef[] };
export type StatRow = Stat & { metric: Metric };

export type ResponseTimes = {
  overall: StatRow[];
  bySeverity: (StatRow & { severity: Severity })[];
  byService: (StatRow & { service: string })[];
  trend: (StatRow & { bucket: string })[];
  /** `bin` k counts durations in [HISTOGRAM_EDGES[k-1], HISTOGRAM_EDGES[k]); 0 is under the first edge. */
  histogram: { metric: Metric; bin: number; n: number; refs: IncidentRef[] }[];
};

/** Histogram edges in seconds: 5 min, 15 min, 30 min, 1 h, 2 h, 4 h, 8 h, 1 d, 3 d. */
export const HISTOGRAM_EDGES = [300, 900, 1800, 3600, 7200, 14_400, 28_800, 86_400, 259_200] as const;

const EDGES_SQL = Prisma.raw(`ARRAY[${HISTOGRAM_EDGES.join(",")}]::float8[]`);

/**
 * Every duration is measured from the incident's start, so the four stages add up on one axis.
 * `rank` orders incidents within a trend point or a histogram bar (see refsSql).
 */
const RANKS = { trend: Prisma.sql`d.metric, d.bucket, d.secs IS NULL`, bin: Prisma.sql`d.metric, d.bin` };
const measured = (scope: Scope, bucketUnit: "month" | "quarter", rank: keyof typeof RANKS | null) => Prisma.sql`
  SELECT d.* ${rank ? Prisma.sql`, ${rankSql(RANKS[rank])} AS rank` : Prisma.empty}
    FROM (SELECT f.*, v.metric, v.secs, width_bucket(v.secs, ${EDGES_SQL})::int AS bin
            FROM (SELECT f.*, to_char(date_trunc(${bucketUnit}, f."startedAt" AT TIME ZONE ${scope.timeZone}), 'YYYY-MM-DD') AS bucket
                    FROM (${scopedIncidentsSql(scope)}) f) f
            CROSS JOIN LATERAL (VALUES
              ('detect', extract(epoch FROM f."detectedAt" - f."startedAt")::float8),
              ('acknowledge', extract(epoch FROM f."acknowledgedAt" - f."startedAt")::float8),
              ('mitigate', extract(epoch FROM f."mitigatedAt" - f."startedAt")::float8),
              ('resolve', extract(epoch FROM f."resolvedAt" - f."startedAt")::float8)) v(metric, secs)) d`;

const statColumns = Prisma.sql`percentile_cont(0.5) WITHIN GROUP (ORDER BY m.secs) AS p50,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY m.secs) AS p90,
  count(m.secs)::int AS n, (count(*) - count(m.secs))::int AS missing`;

type GroupedRow = StatRow & { severity: Severity | null; bucket: string | null; bySeverity: number; byBucket: number };

/** Response times overall, by severity, by service, their trend by month or quarter, and their distribution. */
export async function responseTimes(scope: Scope): Promise<ResponseTimes> {
  const unit = scope.filters.trend;
  const [grouped, byService, histogram] = await Promise.all([
    db().$queryRaw<GroupedRow[]>`
      SELECT m.metric, m.severity, m.bucket, GROUPING(m.severity)::int AS "bySeverity", GROUPING(m.bucket)::int AS "byBucket", ${statColumns},
             -- Only trend points name their incidents (the chart's tooltip); the other rows are tables.
             CASE WHEN GROUPING(m.bucket) = 0 THEN ${refsSql("m", Prisma.sql`m.rank`, Prisma.sql`AND m.secs IS NOT NULL`)} ELSE '[]'::json END AS refs
        FROM (${measured(scope, unit, "trend")}) m
       GROUP BY GROUPING SETS ((m.metric), (m.metric, m.severity), (m.metric, m.bucket))
       ORDER BY m.metric, m.severity, m.bucket`,
    db().$queryRaw<(StatRow & { service: string })[]>`
      SELECT m.metric, s.name AS service, ${statColumns}, '[]'::json AS refs
        FROM (${measured(scope, unit, null)}) m ${servicesOf("m")}
       GROUP BY m.metric, s.name
       ORDER BY m.metric, count(*) DESC, s.name`,
    db().$queryRaw<{ metric: Metric; bin: number; n: number; refs: IncidentRef[] }[]>`
      SELECT m.metric, m.bin, count(*)::int AS n, ${refsSql("m", Prisma.sql`m.rank`)} AS refs
        FROM (${measured(scope, unit, "bin")}) m
       WHERE m.secs IS NOT NULL
       GROUP BY m.metric, m.bin
       ORDER BY m.metric, m.bin`,
  ]);
  const strip = ({ metric, p50, p90, n, missing, refs }: GroupedRow): StatRow => ({ metric, p50, p90, n, missing, refs });
  return {
    overall: grouped.filter((r) => r.bySeverity === 1 && r.byBucket === 1).map(strip),
    bySeverity: grouped.filter((r) => r.bySeverity === 0 && r.severity).map((r) => ({ ...strip(r), severity: r.severity as Severity })),
    trend: grouped.filter((r) => r.byBucket === 0 && r.bucket).map((r) => ({ ...strip(r), bucket: r.bucket as string })),
    byService,
    histogram,
  };
}
