import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { inAppNotifier, type Notifier } from "@/lib/notifications/notifier";
import { formatIncidentNumber } from "@/lib/incidents/labels";
import { lockSubject, type ReviewSubject } from "@/lib/reviews/load";
import { changeStatus } from "@/lib/reviews/status-change";
import { reviewHref } from "@/lib/reviews/links";

/**
 * The document's content changed (called where the collaboration server stores it). Approvals of
 * earlier content become stale — shown as such, never silently kept — their reviewers are told,
 * and an approved postmortem goes back to review until the policy is met again.
 */
export async function onContentChanged(tx: Tx, teamId: string, postmortemId: string, editorId: string | null, now: Date, notifier: Notifier = inAppNotifier): Promise<void> {
  const subject = await lockSubject(tx, teamId, postmortemId);
  await makeApprovalsStale(tx, subject, { contentHash: { not: subject.contentHash } }, "it was edited after you approved", now, notifier);
  if (subject.status === "APPROVED" || subject.status === "PUBLISHED") {
    await changeStatus(tx, subject, "IN_REVIEW", editorId, `Postmortem back in review: it was edited after approval (now version ${subject.contentVersion}).`, now);
  }
}

/**
 * Approvals that `which` no longer holds for become stale — shown as such, never silently kept —
 * and their reviewers are told `why`. Returns how many.
 */
export async function makeApprovalsStale(tx: Tx, subject: ReviewSubject, which: Prisma.ReviewWhereInput, why: string, now: Date, notifier: Notifier): Promise<number> {
  const stale = await tx.review.findMany({
    where: { ...which, postmortemId: subject.id, decision: "APPROVED", staleAt: null },
    select: { id: true, reviewerId: true },
  });
  if (stale.length === 0) return 0;
  await tx.review.updateMany({ where: { id: { in: stale.map((r) => r.id) } }, data: { staleAt: now } });
  await notifier.notify(
    stale
      .filter((r): r is { id: string; reviewerId: string } => r.reviewerId !== null)
      .map((r) => ({
        userId: r.reviewerId,
        teamId: subject.teamId,
        kind: "review.stale" as const,
        dedupeKey: `review-stale:${r.id}`,
        message: `Your approval of the postmortem of ${formatIncidentNumber(subject.incidentNumber)} is stale: ${why}`,
        href: reviewHref(subject.teamSlug, subject.incidentNumber),
      })),
    tx,
  );
  return stale.length;
}
