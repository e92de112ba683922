import type { Tx } from "@/lib/db";
import { inAppNotifier, type Notifier } from "@/lib/notifications/notifier";
import { formatIncidentNumber } from "@/lib/incidents/labels";
import { lockSubject } from "@/lib/reviews/load";
import { changeStatus } from "@/lib/reviews/status-change";
import { reviewHref } from "@/lib/reviews/links";

/**
 * The document's content changed (called where the collaboration server stores it). Approvals of
 * earlier content become stale — shown as such, never silently kept — their reviewers are told,
 * and an approved postmortem goes back to review until the policy is met again.
 */
export async function onContentChanged(tx: Tx, teamId: string, postmortemId: string, editorId: string | null, now: Date, notifier: Notifier = inAppNotifier): Promise<void> {
  const subject = await lockSubject(tx, teamId, postmortemId);
  const stale = await tx.review.findMany({
    where: { postmortemId, decision: "APPROVED", staleAt: null, contentHash: { not: subject.contentHash } },
    select: { id: true, reviewerId: true },
  });
  if (stale.length > 0) {
    await tx.review.updateMany({ where: { id: { in: stale.map((r) => r.id) } }, data: { staleAt: now } });
    await notifier.notify(
      stale
        .filter((r): r is { id: string; reviewerId: string } => r.reviewerId !== null)
        .map((r) => ({
          userId: r.reviewerId,
          teamId,
          kind: "review.stale" as const,
          dedupeKey: `review-stale:${r.id}`,
          message: `Your approval of the postmortem of ${formatIncidentNumber(subject.incidentNumber)} is stale: it was edited after you approved`,
          href: reviewHref(subject.teamSlug, subject.incidentNumber),
        })),
      tx,
    );
  }
  if (subject.status === "APPROVED" || subject.status === "PUBLISHED") {
    await changeStatus(tx, subject, "IN_REVIEW", editorId, `Postmortem back in review: it was edited after approval (now version ${subject.contentVersion}).`, now);
  }
}
