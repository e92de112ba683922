import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Severity } from "@/lib/generated/prisma/enums";
import { METRICS, type Metric } from "@/lib/insights/schema";
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
 * For the histogram: one row per incident and measure, `rank` ordering incidents within a bar (see refsSql).
 */
const measured = (scope: Scope) => Prisma.sql`
  SELECT d.*, ${rankSql(Prisma.sql`d.metric, d.bin`)} AS rank
    FROM (SELECT f.*, v.metric, v.secs, width_bucket(v.secs, ${EDGES_SQL})::int AS bin
            FROM (${scopedIncidentsSql(scope)}) f
            CROSS JOIN LATERAL (VALUES
              ('detect', extract(epoch FROM f."detectedAt" - f."startedAt")::float8),
              ('acknowledge', extract(epoch FROM f."acknowledgedAt" - f."startedAt")::float8),
              ('mitigate', extract(epoch FROM f."mitigatedAt" - f."startedAt")::float8),
              ('resolve', extract(epoch FROM f."resolvedAt" - f."startedAt")::float8)) v(metric, secs)) d`;

const MOMENT = { detect: "detectedAt", acknowledge: "acknowledgedAt", mitigate: "mitigatedAt", resolve: "resolvedAt" } as const satisfies Record<Metric, string>;

/** One row per incident with the four durations side by side: each ordered-set aggregate then sorts one incident's worth of rows, not four. */
const wide = (scope: Scope, bucketUnit: "month" | "quarter") => Prisma.sql`
  SELECT w.*, ${rankSql(Prisma.sql`w.bucket`)} AS rank
    FROM (SELECT f.*, to_char(date_trunc(${bucketUnit}, f."startedAt" AT TIME ZONE ${scope.timeZone}), 'YYYY-MM-DD') AS bucket,
                 ${Prisma.join(METRICS.map((m) => Prisma.raw(`extract(epoch FROM f."${MOMENT[m]}" - f."startedAt")::float8 AS "${m}"`)))}
            FROM (${scopedIncidentsSql(scope)}) f) w`;

/** Median, p90, n and missing of every measure (and, for trend points, the first incidents behind each). */
const wideStats = (alias: string, refs: Prisma.Sql | null) =>
  Prisma.join(
    METRICS.map((m) => {
      const col = Prisma.raw(`${alias}."${m}"`);
      return Prisma.sql`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${col}) AS "${Prisma.raw(m)}P50",
        percentile_cont(0.9) WITHIN GROUP (ORDER BY ${col}) AS "${Prisma.raw(m)}P90",
        count(${col})::int AS "${Prisma.raw(m)}N", (count(*) - count(${col}))::int AS "${Prisma.raw(m)}Missing",
        ${refs ? Prisma.sql`CASE WHEN ${refs} THEN ${refsSql(alias, Prisma.sql`${Prisma.raw(alias)}.rank`, Prisma.sql`AND ${col} IS NOT NULL`)} ELSE '[]'::json END` : Prisma.sql`'[]'::json`} AS "${Prisma.raw(m)}Refs"`;
    }),
  );

type WideRow = Record<string, unknown>;
const unpivot = (row: WideRow): StatRow[] =>
  METRICS.map((metric) => ({
    metric,
    p50: (row[`${metric}P50`] as number | null) ?? null,
    p90: (row[`${metric}P90`] as number | null) ?? null,
    n: row[`${metric}N`] as number,
    missing: row[`${metric}Missing`] as number,
    refs: (row[`${metric}Refs`] as IncidentRef[] | null) ?? [],
  }));

/** Response times overall, by severity, by service, their trend by month or quarter, and their distribution. */
export async function responseTimes(scope: Scope): Promise<ResponseTimes> {
  const unit = scope.filters.trend;
  const [grouped, byService, histogram] = await Promise.all([
    db().$queryRaw<(WideRow & { severity: Severity | null; bucket: string | null; bySeverity: number; byBucket: number })[]>`
      SELECT w.severity, w.bucket, GROUPING(w.severity)::int AS "bySeverity", GROUPING(w.bucket)::int AS "byBucket",
             -- Only trend points name their incidents (the chart's tooltip); the other rows are tables.
             ${wideStats("w", Prisma.sql`GROUPING(w.bucket) = 0`)}
        FROM (${wide(scope, unit)}) w
       GROUP BY GROUPING SETS ((), (w.severity), (w.bucket))
       ORDER BY w.severity, w.bucket`,
    db().$queryRaw<(WideRow & { service: string })[]>`
      SELECT s.name AS service, ${wideStats("w", null)}
        FROM (${wide(scope, unit)}) w ${servicesOf("w")}
       GROUP BY s.name
       ORDER BY count(*) DESC, s.name`,
    db().$queryRaw<{ metric: Metric; bin: number; n: number; refs: IncidentRef[] }[]>`
      SELECT m.metric, m.bin, count(*)::int AS n, ${refsSql("m", Prisma.sql`m.rank`)} AS refs
        FROM (${measured(scope)}) m
       WHERE m.secs IS NOT NULL
       GROUP BY m.metric, m.bin
       ORDER BY m.metric, m.bin`,
  ]);
  return {
    overall: grouped.filter((r) => r.bySeverity === 1 && r.byBucket === 1).flatMap(unpivot),
    bySeverity: grouped.filter((r) => r.bySeverity === 0 && r.severity).flatMap((r) => unpivot(r).map((s) => ({ ...s, severity: r.severity as Severity }))),
    trend: grouped.filter((r) => r.byBucket === 0 && r.bucket).flatMap((r) => unpivot(r).map((s) => ({ ...s, bucket: r.bucket as string }))),
    byService: byService.flatMap((r) => unpivot(r).map((s) => ({ ...s, service: r.service }))),
    histogram,
  };
}
