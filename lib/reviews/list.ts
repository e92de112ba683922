import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/authz";
import { decodeCursor, toPage, type Page } from "@/lib/pagination";
import type { PostmortemStatus, Severity } from "@/lib/generated/prisma/enums";
import { policyOf, SEVERITIES } from "@/lib/reviews/policy";
import { evaluatePolicy, type Approval } from "@/lib/reviews/evaluate";
import { approvalProgress } from "@/lib/reviews/shortfall";
import { z } from "zod";

export const POSTMORTEM_PAGE_SIZE = 25;

export const postmortemFiltersSchema = z.object({
  view: z.enum(["all", "mine", "overdue"]).catch("all"),
  status: z.enum(["DRAFT", "IN_REVIEW", "APPROVED", "PUBLISHED"]).optional().catch(undefined),
  after: z.string().max(300).optional(),
});
export type PostmortemFilters = z.infer<typeof postmortemFiltersSchema>;

export type PostmortemRow = {
  id: string | null;
  title: string;
  status: PostmortemStatus | null;
  incidentNumber: number;
  incidentTitle: string;
  severity: Severity;
  resolvedAt: Date | null;
  lastEditedAt: Date | null;
  timeZone: string;
  reviewers: number;
  /** Counted by the sign-off policy, exactly as the review page counts them (lib/reviews/evaluate.ts). */
  approvals: number;
  required: number;
};

type CountSubject = { id: string; authorId: string | null; contentHash: string; factsVersion: number; severity: Severity; commanderId: string | null };

/**
 * Approvals as the policy counts them, for a page of postmortems: the same evaluatePolicy as the
 * review page, on each reviewer's latest decision. Four queries for the whole page.
 */
async function withApprovalCounts<T extends { id: string | null; severity: Severity }>(teamId: string, rows: T[]): Promise<(T & { approvals: number; required: number })[]> {
  const ids = rows.flatMap((r) => (r.id ? [r.id] : []));
  const [team, subjects, decisions] = await Promise.all([
    db().team.findUniqueOrThrow({ where: { id: teamId }, select: { reviewPolicy: true } }),
    ids.length
      ? db().$queryRaw<CountSubject[]>`SELECT p.id, p."authorId", p."contentHash", p."factsVersion", i.severity, i."commanderId"
          FROM "Postmortem" p JOIN "Incident" i ON i.id = p."incidentId" WHERE p."teamId" = ${teamId} AND p.id IN (${Prisma.join(ids)})`
      : Promise.resolve([] as CountSubject[]),
    ids.length
      ? db().$queryRaw<{ postmortemId: string; reviewerId: string; reviewerName: string; decision: string; contentHash: string; factsVersion: number; staleAt: Date | null }[]>`
          SELECT DISTINCT ON (r."postmortemId", r."reviewerId") r."postmortemId", r."reviewerId", r."reviewerName", r.decision::text AS decision, r."contentHash", r."factsVersion", r."staleAt"
            FROM "Review" r WHERE r."teamId" = ${teamId} AND r."postmortemId" IN (${Prisma.join(ids)}) AND r."reviewerId" IS NOT NULL
           ORDER BY r."postmortemId", r."reviewerId", r."createdAt" DESC, r.id DESC`
      : Promise.resolve([]),
  ]);
  const policy = policyOf(team.reviewPolicy);
  const reviewerIds = [...new Set(decisions.map((d) => d.reviewerId))];
  const roles = new Map(
    reviewerIds.length
      ? (await db().membership.findMany({ where: { teamId, userId: { in: reviewerIds } }, select: { userId: true, role: true } })).map((m) => [m.userId, m.role])
      : [],
  );
  const bySubject = new Map(subjects.map((s) => [s.id, s]));
  return rows.map((row) => {
    const rule = policy.rules[row.severity];
    const subject = row.id ? bySubject.get(row.id) : undefined;
    if (!subject) return { ...row, approvals: 0, required: rule.approvals };
    const approvals: Approval[] = decisions
      .filter((d) => d.postmortemId === subject.id && d.decision === "APPROVED")
      .map((d) => ({ reviewerId: d.reviewerId, reviewerName: d.reviewerName, role: roles.get(d.reviewerId) ?? null, contentHash: d.contentHash, factsVersion: d.factsVersion, stale: d.staleAt !== null }));
    const result = evaluatePolicy({ rule, approvals, authorId: subject.authorId, commanderId: subject.commanderId, contentHash: subject.contentHash, factsVersion: subject.factsVersion, factsCount: policy.factsCountAsChange });
    const { approved, required } = approvalProgress(result.counted, rule);
    return { ...row, approvals: approved, required };
  });
}

/**
 * The team's postmortems, newest edit first: all, or by state, or awaiting my review (requested
 * from me, in review), or overdue — incidents resolved longer ago than the team's limit for their
 * severity without an approved postmortem (with none at all, too). Keyset-paginated; indexed.
 */
export async function listPostmortems(actor: NonNullable<Actor>, teamId: string, filters: PostmortemFilters, now = new Date()): Promise<Page<PostmortemRow>> {
  authorize(actor, "postmortem.read", { teamId });
  const cursor = decodeCursor(filters.after);
  const cursorAt = cursor && !Number.isNaN(Date.parse(cursor.at)) ? new Date(cursor.at) : null;
  const counts = Prisma.sql`(SELECT count(*)::int FROM "ReviewRequest" rr WHERE rr."postmortemId" = p.id) AS reviewers`;

  if (filters.view === "overdue") {
    const team = await db().team.findUniqueOrThrow({ where: { id: teamId }, select: { reviewPolicy: true } });
    const policy = policyOf(team.reviewPolicy);
    const limits = SEVERITIES.map((sev) => Prisma.sql`(i.severity = ${sev}::"Severity" AND i."resolvedAt" < ${new Date(now.getTime() - policy.overdueDays[sev] * 86_400_000)})`);
    const rows = await db().$queryRaw<(Omit<PostmortemRow, "approvals" | "required"> & { incidentId: string })[]>`
      SELECT p.id, COALESCE(p.title, i.title) AS title, p.status, i.number AS "incidentNumber", i.title AS "incidentTitle", i.severity,
             i."resolvedAt", p."lastEditedAt", i."timeZone", i.id AS "incidentId", ${counts}
        FROM "Incident" i LEFT JOIN "Postmortem" p ON p."incidentId" = i.id
       WHERE i."teamId" = ${teamId} AND i."resolvedAt" IS NOT NULL
         AND (${Prisma.join(limits, " OR ")})
         AND (p.id IS NULL OR p.status IN ('DRAFT', 'IN_REVIEW'))
         ${cursorAt && cursor ? Prisma.sql`AND (i."resolvedAt", i.id) < (${cursorAt}, ${cursor.id})` : Prisma.empty}
       ORDER BY i."resolvedAt" DESC, i.id DESC
       LIMIT ${POSTMORTEM_PAGE_SIZE + 1}`;
    return toPage(await withApprovalCounts(teamId, rows), POSTMORTEM_PAGE_SIZE, (row) => ({ at: (row.resolvedAt ?? now).toISOString(), id: row.incidentId }));
  }

  const where: Prisma.Sql[] = [Prisma.sql`p."teamId" = ${teamId}`];
  if (filters.status) where.push(Prisma.sql`p.status = ${filters.status}::"PostmortemStatus"`);
  if (filters.view === "mine") {
    where.push(Prisma.sql`p.status = 'IN_REVIEW'`);
    where.push(Prisma.sql`p.id IN (SELECT rr."postmortemId" FROM "ReviewRequest" rr WHERE rr."teamId" = ${teamId} AND rr."reviewerId" = ${actor.userId})`);
  }
  if (cursorAt && cursor) where.push(Prisma.sql`(p."lastEditedAt", p.id) < (${cursorAt}, ${cursor.id})`);
  const rows = await db().$queryRaw<Omit<PostmortemRow, "approvals" | "required">[]>`
    SELECT p.id, p.title, p.status, i.number AS "incidentNumber", i.title AS "incidentTitle", i.severity, i."resolvedAt", p."lastEditedAt", i."timeZone", ${counts}
      FROM "Postmortem" p JOIN "Incident" i ON i.id = p."incidentId"
     WHERE ${Prisma.join(where, " AND ")}
     ORDER BY p."lastEditedAt" DESC, p.id DESC
     LIMIT ${POSTMORTEM_PAGE_SIZE + 1}`;
  return toPage(await withApprovalCounts(teamId, rows), POSTMORTEM_PAGE_SIZE, (row) => ({ at: (row.lastEditedAt ?? now).toISOString(), id: row.id ?? "" }));
}
