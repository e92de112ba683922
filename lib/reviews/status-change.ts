import type { Tx } from "@/lib/db";
import type { PostmortemStatus } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record";
import { recordSystemEvents } from "@/lib/timeline/system-events";
import { notifyIncidentChanged } from "@/lib/realtime/notify";
import { writeSnapshot } from "@/lib/postmortems/snapshots";
import { recordPostmortemEvent } from "@/lib/outbound/events";
import type { ReviewSubject } from "@/lib/reviews/load";

const LABEL: Record<PostmortemStatus, string> = { DRAFT: "Draft", IN_REVIEW: "In review", APPROVED: "Approved", PUBLISHED: "Published" };

/**
 * Moves a postmortem to a new status and leaves the trail every transition leaves: a version of
 * the content as it stood, a line on the incident's timeline, an audit record (with the `reason`
 * when the move was not someone's decision on the review itself).
 */
export async function changeStatus(
  tx: Tx,
  subject: ReviewSubject,
  to: PostmortemStatus,
  actorId: string | null,
  line: string,
  now = new Date(),
  reason?: "facts_changed",
): Promise<void> {
  if (subject.status === to) return;
  const current = await tx.postmortem.update({
    where: { id: subject.id },
    data: { status: to },
    select: { ydoc: true, content: true, markdown: true, contentHash: true, contentVersion: true },
  });
  await writeSnapshot(
    tx,
    {
      postmortemId: subject.id,
      teamId: subject.teamId,
      ydoc: new Uint8Array(current.ydoc),
      content: current.content as object,
      markdown: current.markdown,
      contentHash: current.contentHash,
      contentVersion: current.contentVersion,
    },
    "STATUS",
    `${LABEL[subject.status]} → ${LABEL[to]}`,
    actorId,
    now,
  );
  await recordSystemEvents(tx, { teamId: subject.teamId, incidentId: subject.incidentId, actorId, at: now }, [{ kind: "UPDATE", body: line }]);
  await recordAudit(tx, {
    teamId: subject.teamId,
    actorId,
    action: "postmortem.status_changed",
    targetType: "postmortem",
    targetId: subject.id,
    data: { from: subject.status, to, contentVersion: current.contentVersion, ...(reason ? { reason } : {}) },
  });
  await notifyIncidentChanged(tx, subject.incidentId);
  subject.status = to;
  if (to === "APPROVED") await recordPostmortemEvent(tx, subject.teamId, subject.id, "postmortem.approved");
  if (to === "PUBLISHED") await recordPostmortemEvent(tx, subject.teamId, subject.id, "postmortem.published");
}
