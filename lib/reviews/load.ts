import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { PostmortemStatus, Role, Severity } from "@/lib/generated/prisma/enums";
import { policyOf, type ReviewPolicy } from "@/lib/reviews/policy";
import { evaluatePolicy, type Approval, type PolicyResult } from "@/lib/reviews/evaluate";

/** Reviews kept per postmortem are few (a handful of reviewers, a few rounds); this bound guards the query. */
const REVIEW_LIMIT = 500;

export type ReviewSubject = {
  id: string;
  teamId: string;
  incidentId: string;
  status: PostmortemStatus;
  authorId: string | null;
  contentHash: string;
  contentVersion: number;
  factsVersion: number;
  incidentNumber: number;
  severity: Severity;
  commanderId: string | null;
  teamSlug: string;
  policy: ReviewPolicy;
};

/** The postmortem under review, locked for the rest of the transaction: decisions on it happen one at a time. */
export async function lockSubject(tx: Tx, teamId: string, postmortemId: string): Promise<ReviewSubject> {
  // Incident first, then postmortem: the order the facts trigger and the search-document trigger
  // (a timeline line written by a status change updates the incident) take them in, so a review
  // decision and a timeline write at the same moment queue instead of deadlocking.
  await tx.$queryRaw`SELECT 1 FROM "Incident" i JOIN "Postmortem" p ON p."incidentId" = i.id
     WHERE p.id = ${postmortemId} AND p."teamId" = ${teamId} FOR NO KEY UPDATE OF i`;
  const [row] = await tx.$queryRaw<
    { id: string; teamId: string; incidentId: string; status: PostmortemStatus; authorId: string | null; contentHash: string; contentVersion: number; factsVersion: number; number: number; severity: Severity; commanderId: string | null; slug: string; reviewPolicy: unknown }[]
  >`SELECT p.id, p."teamId", p."incidentId", p.status, p."authorId", p."contentHash", p."contentVersion", p."factsVersion",
           i.number, i.severity, i."commanderId", t.slug, t."reviewPolicy"
      FROM "Postmortem" p JOIN "Incident" i ON i.id = p."incidentId" JOIN "Team" t ON t.id = p."teamId"
     WHERE p.id = ${postmortemId} AND p."teamId" = ${teamId}
     FOR UPDATE OF p`;
  if (!row) throw new AppError("NOT_FOUND", "This postmortem was not found.");
  return {
    id: row.id,
    teamId: row.teamId,
    incidentId: row.incidentId,
    status: row.status,
    authorId: row.authorId,
    contentHash: row.contentHash,
    contentVersion: row.contentVersion,
    factsVersion: row.factsVersion,
    incidentNumber: row.number,
    severity: row.severity,
    commanderId: row.commanderId,
    teamSlug: row.slug,
    policy: policyOf(row.reviewPolicy),
  };
}

/** Each reviewer's latest decision (a later "changes requested" withdraws an earlier approval), with their current role. */
export async function latestDecisions(client: Tx | ReturnType<typeof db>, subject: Pick<ReviewSubject, "id" | "teamId">) {
  const reviews = await client.review.findMany({
    where: { postmortemId: subject.id, teamId: subject.teamId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: REVIEW_LIMIT,
    select: { id: true, reviewerId: true, reviewerName: true, decision: true, comment: true, contentHash: true, contentVersion: true, factsVersion: true, staleAt: true, createdAt: true },
  });
  const latest = new Map<string, (typeof reviews)[number]>();
  for (const review of reviews) if (review.reviewerId && !latest.has(review.reviewerId)) latest.set(review.reviewerId, review);
  const members = await client.membership.findMany({
    where: { teamId: subject.teamId, userId: { in: [...latest.keys()] } },
    select: { userId: true, role: true },
  });
  const roles = new Map<string, Role>(members.map((m) => [m.userId, m.role]));
  return { reviews, latest: [...latest.values()], roles };
}

export async function evaluate(client: Tx | ReturnType<typeof db>, subject: ReviewSubject): Promise<PolicyResult & { approvals: Approval[] }> {
  const { latest, roles } = await latestDecisions(client, subject);
  const approvals: Approval[] = latest
    .filter((r) => r.decision === "APPROVED" && r.reviewerId)
    .map((r) => ({
      reviewerId: r.reviewerId!,
      reviewerName: r.reviewerName,
      role: roles.get(r.reviewerId!) ?? null,
      contentHash: r.contentHash,
      factsVersion: r.factsVersion,
      stale: r.staleAt !== null,
    }));
  const result = evaluatePolicy({
    rule: subject.policy.rules[subject.severity],
    approvals,
    authorId: subject.authorId,
    commanderId: subject.commanderId,
    contentHash: subject.contentHash,
    factsVersion: subject.factsVersion,
    factsCount: subject.policy.factsCountAsChange,
  });
  return { ...result, approvals };
}
