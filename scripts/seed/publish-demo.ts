import { db } from "@/lib/db";
import { approve, requestReview } from "@/lib/reviews/mutations";
import { publish } from "@/lib/publishing/mutations";
import { DEMO_LOGIN } from "../db-seed";

/**
 * Sends the demo team's postmortem (`npm run db:seed`) through review — the demo's other members
 * approve — and publishes it; returns its public path. Already published: returns that path.
 */
export async function publishDemo(): Promise<string> {
  const lead = await db().user.findUniqueOrThrow({ where: { email: DEMO_LOGIN.email }, select: { id: true } });
  const postmortem = await db().postmortem.findFirstOrThrow({
    where: { team: { memberships: { some: { userId: lead.id, role: "OWNER" } } } },
    select: { id: true, teamId: true, title: true, status: true, publication: { select: { slug: true, revokedAt: true } } },
  });
  if (postmortem.publication && !postmortem.publication.revokedAt) return `/p/${postmortem.publication.slug}`;
  const reviewers = await db().membership.findMany({
    where: { teamId: postmortem.teamId, role: { in: ["ADMIN", "MEMBER"] }, userId: { not: lead.id } },
    select: { userId: true },
  });
  const pm = { teamId: postmortem.teamId, postmortemId: postmortem.id };
  if (postmortem.status === "DRAFT") await requestReview(lead.id, { ...pm, reviewerIds: reviewers.map((r) => r.userId) });
  const { contentVersion } = await db().postmortem.findUniqueOrThrow({ where: { id: postmortem.id }, select: { contentVersion: true } });
  for (const reviewer of reviewers) {
    const approved = await db().review.count({ where: { postmortemId: postmortem.id, reviewerId: reviewer.userId, decision: "APPROVED", contentVersion } });
    if (!approved) await approve(reviewer.userId, { ...pm, contentVersion });
  }
  const { slug } = await publish(lead.id, { ...pm, contentVersion, title: postmortem.title, subtitle: "How an unindexed query stopped our reports for a day", confirmed: "on", noindex: "on" });
  return `/p/${slug}`;
}
