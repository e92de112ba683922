import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { REFS_PER_POINT, scopedIncidentsSql, type IncidentRef, type Scope } from "@/lib/insights/scope";
import type { Stat } from "@/lib/insights/response-times";

export type PostmortemInsights = {
  /** SEV1–2 incidents of the period (after the filters), and how many have an approved / a published postmortem. */
  coverage: { major: number; withPostmortem: number; approved: number; published: number; uncovered: IncidentRef[] };
  /** Lead times over the period's incidents that have a postmortem, in seconds. */
  leadTimes: { stage: LeadStage; stat: Stat }[];
};

export const LEAD_STAGES = ["resolved → approved", "approved → published", "resolved → published"] as const;
export type LeadStage = (typeof LEAD_STAGES)[number];

/**
 * "Approved" is the first time the postmortem moved to APPROVED (its audit trail; a later
 * re-approval after a facts change does not reset the clock); "published" is its first edition.
 * A published postmortem was approved first, so PUBLISHED counts as approved.
 */
export async function postmortemInsights(scope: Scope): Promise<PostmortemInsights> {
  // Only incidents with a postmortem or of SEV1–2 count here; the look-ups run for postmortems only.
  const withMoments = Prisma.sql`
    SELECT f.*, p.id AS "postmortemId", p.status AS "pmStatus",
           CASE WHEN p.id IS NOT NULL THEN (SELECT min(a."createdAt") FROM "AuditEvent" a
             WHERE a."targetType" = 'postmortem' AND a."targetId" = p.id AND a.action = 'postmortem.status_changed' AND a.data->>'to' = 'APPROVED') END AS "approvedAt",
           CASE WHEN p.id IS NOT NULL THEN (SELECT min(e."publishedAt") FROM "PublicEdition" e WHERE e."postmortemId" = p.id) END AS "publishedAt"
      FROM (${scopedIncidentsSql(scope)}) f LEFT JOIN LATERAL (SELECT pm.id, pm.status FROM "Postmortem" pm WHERE pm."incidentId" = f.id OFFSET 0) p ON true
     WHERE p.id IS NOT NULL OR f.severity IN ('SEV1', 'SEV2')`;
  // The first incidents of a kind, by a top-N sort of the materialized rows rather than a rank of all of them.
  const firstOf = (where: Prisma.Sql) => Prisma.sql`(SELECT COALESCE(json_agg(json_build_object('teamId', x."teamId", 'number', x.number, 'title', x.title) ORDER BY x."startedAt", x.number), '[]'::json)
      FROM (SELECT * FROM w WHERE ${where} ORDER BY w."startedAt", w.number LIMIT ${REFS_PER_POINT}) x)`;
  const stat = (expr: string) => {
    const secs = Prisma.raw(`extract(epoch FROM ${expr})::float8`);
    return Prisma.sql`json_build_object(
      'p50', percentile_cont(0.5) WITHIN GROUP (ORDER BY ${secs}), 'p90', percentile_cont(0.9) WITHIN GROUP (ORDER BY ${secs}),
      'n', count(${secs}), 'missing', count(w."postmortemId") - count(${secs}), 'refs', ${firstOf(Prisma.sql`${secs} IS NOT NULL`)})`;
  };
  const [row] = await db().$queryRaw<{ major: number; withPostmortem: number; approved: number; published: number; uncovered: IncidentRef[] | null; a: Stat; b: Stat; c: Stat }[]>`
    WITH w AS MATERIALIZED (${withMoments})
    SELECT count(*) FILTER (WHERE w.severity IN ('SEV1', 'SEV2'))::int AS major,
           count(*) FILTER (WHERE w.severity IN ('SEV1', 'SEV2') AND w."postmortemId" IS NOT NULL)::int AS "withPostmortem",
           count(*) FILTER (WHERE w.severity IN ('SEV1', 'SEV2') AND w."pmStatus" IN ('APPROVED', 'PUBLISHED'))::int AS approved,
           count(*) FILTER (WHERE w.severity IN ('SEV1', 'SEV2') AND w."pmStatus" = 'PUBLISHED')::int AS published,
           ${firstOf(Prisma.sql`w.severity IN ('SEV1', 'SEV2') AND (w."pmStatus" IS NULL OR w."pmStatus" NOT IN ('APPROVED', 'PUBLISHED'))`)} AS uncovered,
           ${stat(`w."approvedAt" - w."resolvedAt"`)} AS a,
           ${stat(`w."publishedAt" - w."approvedAt"`)} AS b,
           ${stat(`w."publishedAt" - w."resolvedAt"`)} AS c
      FROM w`;
  const empty: Stat = { p50: null, p90: null, n: 0, missing: 0, refs: [] };
  const fix = (s: Stat | undefined): Stat => (s ? { ...s, refs: s.refs ?? [] } : empty);
  return {
    coverage: {
      major: row?.major ?? 0,
      withPostmortem: row?.withPostmortem ?? 0,
      approved: row?.approved ?? 0,
      published: row?.published ?? 0,
      uncovered: row?.uncovered ?? [],
    },
    leadTimes: [
      { stage: LEAD_STAGES[0], stat: fix(row?.a) },
      { stage: LEAD_STAGES[1], stat: fix(row?.b) },
      { stage: LEAD_STAGES[2], stat: fix(row?.c) },
    ],
  };
}
