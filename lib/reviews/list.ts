import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/authz";
import { decodeCursor, toPage, type Page } from "@/lib/pagination";
import type { PostmortemStatus, Severity } from "@/lib/generated/prisma/enums";
import { policyOf, SEVERITIES } from "@/lib/reviews/policy";
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
  approvals: number;
};

/**
 * The team's postmortems, newest edit first: all, or by state, or awaiting my review (requested
 * from me, in review), or overdue — incidents resolved longer ago than the team's limit for their
 * severity without an approved postmortem (with none at all, too). Keyset-paginated; indexed.
 */
export async function listPostmortems(actor: NonNullable<Actor>, teamId: string, filters: PostmortemFilters, now = new Date()): Promise<Page<PostmortemRow>> {
  authorize(actor, "postmortem.read", { teamId });
  const cursor = decodeCursor(filters.after);
  const cursorAt = cursor && !Number.isNaN(Date.parse(cursor.at)) ? new Date(cursor.at) : null;
  const counts = Prisma.sql`
    (SELECT count(*)::int FROM "ReviewRequest" rr WHERE rr."postmortemId" = p.id) AS reviewers,
    (SELECT count(DISTINCT r."reviewerId")::int FROM "Review" r
      WHERE r."postmortemId" = p.id AND r.decision = 'APPROVED' AND r."staleAt" IS NULL AND r."contentHash" = p."contentHash") AS approvals`;

  if (filters.view === "overdue") {
    const team = await db().team.findUniqueOrThrow({ where: { id: teamId }, select: { reviewPolicy: true } });
    const policy = policyOf(team.reviewPolicy);
    const limits = SEVERITIES.map((sev) => Prisma.sql`(i.severity = ${sev}::"Severity" AND i."resolvedAt" < ${new Date(now.getTime() - policy.overdueDays[sev] * 86_400_000)})`);
    const rows = await db().$queryRaw<(PostmortemRow & { incidentId: string })[]>`
      SELECT p.id, COALESCE(p.title, i.title) AS title, p.status, i.number AS "incidentNumber", i.title AS "incidentTitle", i.severity,
             i."resolvedAt", p."lastEditedAt", i."timeZone", i.id AS "incidentId", ${counts}
        FROM "Incident" i LEFT JOIN "Postmortem" p ON p."incidentId" = i.id
       WHERE i."teamId" = ${teamId} AND i."resolvedAt" IS NOT NULL
         AND (${Prisma.join(limits, " OR ")})
         AND (p.id IS NULL OR p.status IN ('DRAFT', 'IN_REVIEW'))
         ${cursorAt && cursor ? Prisma.sql`AND (i."resolvedAt", i.id) < (${cursorAt}, ${cursor.id})` : Prisma.empty}
       ORDER BY i."resolvedAt" DESC, i.id DESC
       LIMIT ${POSTMORTEM_PAGE_SIZE + 1}`;
    return toPage(rows, POSTMORTEM_PAGE_SIZE, (row) => ({ at: (row.resolvedAt ?? now).toISOString(), id: row.incidentId }));
  }

  const where: Prisma.Sql[] = [Prisma.sql`p."teamId" = ${teamId}`];
  if (filters.status) where.push(Prisma.sql`p.status = ${filters.status}::"PostmortemStatus"`);
  if (filters.view === "mine") {
    where.push(Prisma.sql`p.status = 'IN_REVIEW'`);
    where.push(Prisma.sql`p.id IN (SELECT rr."postmortemId" FROM "ReviewRequest" rr WHERE rr."teamId" = ${teamId} AND rr."reviewerId" = ${actor.userId})`);
  }
  if (cursorAt && cursor) where.push(Prisma.sql`(p."lastEditedAt", p.id) < (${cursorAt}, ${cursor.id})`);
  const rows = await db().$queryRaw<PostmortemRow[]>`
    SELECT p.id, p.title, p.status, i.number AS "incidentNumber", i.title AS "incidentTitle", i.severity, i."resolvedAt", p."lastEditedAt", i."timeZone", ${counts}
      FROM "Postmortem" p JOIN "Incident" i ON i.id = p."incidentId"
     WHERE ${Prisma.join(where, " AND ")}
     ORDER BY p."lastEditedAt" DESC, p.id DESC
     LIMIT ${POSTMORTEM_PAGE_SIZE + 1}`;
  return toPage(rows, POSTMORTEM_PAGE_SIZE, (row) => ({ at: (row.lastEditedAt ?? now).toISOString(), id: row.id ?? "" }));
}
