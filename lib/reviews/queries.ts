import { db } from "@/lib/db";
import { authorize, can, type Actor } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { diffMarkdown } from "@/lib/postmortems/diff";
import { evaluate, latestDecisions, type ReviewSubject } from "@/lib/reviews/load";
import { policyOf } from "@/lib/reviews/policy";
import { policyShortfall } from "@/lib/reviews/shortfall";

async function subjectFor(teamId: string, postmortemId: string): Promise<ReviewSubject & { policyUpdatedAt: Date | null }> {
  const row = await db().postmortem.findFirst({
    where: { id: postmortemId, teamId },
    select: {
      id: true, teamId: true, incidentId: true, status: true, authorId: true, contentHash: true, contentVersion: true, factsVersion: true,
      incident: { select: { number: true, severity: true, commanderId: true } },
      team: { select: { slug: true, reviewPolicy: true, reviewPolicyUpdatedAt: true } },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", "This postmortem was not found.");
  return {
    policyUpdatedAt: row.team.reviewPolicyUpdatedAt,
    id: row.id, teamId: row.teamId, incidentId: row.incidentId, status: row.status, authorId: row.authorId, contentHash: row.contentHash,
    contentVersion: row.contentVersion, factsVersion: row.factsVersion, incidentNumber: row.incident.number, severity: row.incident.severity,
    commanderId: row.incident.commanderId, teamSlug: row.team.slug, policy: policyOf(row.team.reviewPolicy),
  };
}

/**
 * Everything the review view and the sign-off record show: the policy checklist on the current
 * content, each requested reviewer's latest decision, and every decision ever made (immutable,
 * stale ones marked).
 */
export async function getReviewState(actor: Actor, teamId: string, postmortemId: string) {
  authorize(actor, "postmortem.read", { teamId });
  const subject = await subjectFor(teamId, postmortemId);
  const [result, decisions, requests, members] = await Promise.all([
    evaluate(db(), subject),
    latestDecisions(db(), subject),
    db().reviewRequest.findMany({
      where: { postmortemId, teamId },
      orderBy: { createdAt: "asc" },
      take: 50,
      select: { reviewerId: true, reviewer: { select: { name: true } }, createdAt: true },
    }),
    db().membership.findMany({ where: { teamId, role: { in: ["OWNER", "ADMIN", "MEMBER"] } }, orderBy: { user: { name: "asc" } }, take: 500, select: { role: true, user: { select: { id: true, name: true } } } }),
  ]);
  const latestBy = new Map(decisions.latest.map((r) => [r.reviewerId, r]));
  const stillMembers = new Set(
    (await db().membership.findMany({ where: { teamId, userId: { in: requests.map((r) => r.reviewerId) } }, select: { userId: true } })).map((m) => m.userId),
  );
  const countedIds = new Set(result.counted.map((a) => a.reviewerId));
  const factsCount = subject.policy.factsCountAsChange;
  const rule = subject.policy.rules[subject.severity];
  const mine = actor ? latestBy.get(actor.userId) : undefined;
  return {
    subject,
    rule,
    result,
    /** Why it is not signed off yet, in terms of people, and whether the team can sign it off at all. */
    shortfall: policyShortfall({ rule, counted: result.counted, authorId: subject.authorId, commanderId: subject.commanderId, members: members.map((m) => ({ ...m.user, role: m.role })) }),
    /** The version the viewer approved, while that approval still counts. */
    myApproval: mine && actor && result.counted.some((a) => a.reviewerId === actor.userId) ? { version: mine.contentVersion } : null,
    reviewers: requests.map((r) => {
      const latest = latestBy.get(r.reviewerId);
      return {
        id: r.reviewerId,
        name: r.reviewer.name,
        isMember: stillMembers.has(r.reviewerId),
        decision: latest?.decision ?? null,
        version: latest?.contentVersion ?? null,
        counted: countedIds.has(r.reviewerId),
      };
    }),
    record: decisions.reviews.map((r) => ({
      ...r,
      stale:
        r.decision === "APPROVED" &&
        (r.staleAt !== null || r.contentHash !== subject.contentHash || (factsCount && r.factsVersion !== subject.factsVersion)),
    })),
    /** When the policy changed after review was first requested: the checklist applies the new one. */
    policyChangedDuringReview: subject.policyUpdatedAt && requests[0] && subject.policyUpdatedAt > requests[0].createdAt ? subject.policyUpdatedAt : null,
    canReview: can(actor, "postmortem.review", { teamId, postmortemAuthorId: subject.authorId }),
    canRequest: can(actor, "postmortem.requestReview", { teamId }),
    canEditPolicy: can(actor, "review.policy", { teamId }),
  };
}

export type ReviewState = Awaited<ReturnType<typeof getReviewState>>;

/**
 * What changed since this reviewer last opened the review view, then remembers what they see now.
 * Reviewers who were not asked see the changes since the latest decision instead.
 */
export async function changesSinceLastLook(actor: NonNullable<Actor>, teamId: string, postmortemId: string) {
  authorize(actor, "postmortem.read", { teamId });
  const current = await db().postmortem.findFirst({ where: { id: postmortemId, teamId }, select: { markdown: true, contentVersion: true } });
  if (!current) throw new AppError("NOT_FOUND", "This postmortem was not found.");
  const request = await db().reviewRequest.findUnique({
    where: { postmortemId_reviewerId: { postmortemId, reviewerId: actor.userId } },
    select: { id: true, lastSeenMarkdown: true, lastSeenVersion: true },
  });
  if (request) {
    await db().reviewRequest.update({ where: { id: request.id }, data: { lastSeenMarkdown: current.markdown, lastSeenVersion: current.contentVersion, lastSeenAt: new Date() } });
    if (request.lastSeenMarkdown === null || request.lastSeenVersion === current.contentVersion) return { since: null, diff: null };
    return { since: `version ${request.lastSeenVersion}, when you last looked`, diff: diffMarkdown(request.lastSeenMarkdown, current.markdown) };
  }
  const decided = await db().review.findFirst({ where: { postmortemId, teamId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { contentVersion: true, reviewerName: true } });
  if (!decided || decided.contentVersion === current.contentVersion) return { since: null, diff: null };
  const snapshot = await db().postmortemSnapshot.findFirst({
    where: { postmortemId, teamId, contentVersion: decided.contentVersion },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { markdown: true },
  });
  if (!snapshot) return { since: null, diff: null };
  return { since: `version ${decided.contentVersion}, ${decided.reviewerName}'s latest decision`, diff: diffMarkdown(snapshot.markdown, current.markdown) };
}

/** Members who can review (not viewers), by name; a team's reviewer pool is bounded like the other pickers. */
export async function listReviewerOptions(actor: Actor, teamId: string): Promise<{ id: string; name: string }[]> {
  authorize(actor, "postmortem.read", { teamId });
  const rows = await db().membership.findMany({
    where: { teamId, role: { in: ["OWNER", "ADMIN", "MEMBER"] } },
    orderBy: { user: { name: "asc" } },
    take: 500,
    select: { user: { select: { id: true, name: true } } },
  });
  return rows.map((r) => r.user);
}

export async function getReviewPolicy(actor: Actor, teamId: string) {
  authorize(actor, "team.read", { teamId });
  const row = await db().team.findUniqueOrThrow({ where: { id: teamId }, select: { reviewPolicy: true } });
  return policyOf(row.reviewPolicy);
}
