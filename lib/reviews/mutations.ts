import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/record";
import { recordPostmortemEvent } from "@/lib/outbound/events";
import { parseInput } from "@/lib/validation";
import { loadActor } from "@/lib/teams/actor";
import { notifyIncidentChanged } from "@/lib/realtime/notify";
import { recordSystemEvents } from "@/lib/timeline/system-events";
import { inAppNotifier, type Notifier } from "@/lib/notifications/notifier";
import { formatIncidentNumber } from "@/lib/incidents/labels";
import { documentFromUpdate } from "@/lib/postmortems/document";
import { requiredSectionsWithoutWords } from "@/lib/reviews/required-sections";
import { approveSchema, requestChangesSchema, requestReviewSchema, withdrawSchema } from "@/lib/reviews/schema";
import { evaluate, lockSubject, type ReviewSubject } from "@/lib/reviews/load";
import { canTransition, REFUSAL, type ReviewAction } from "@/lib/reviews/transitions";
import { changeStatus } from "@/lib/reviews/status-change";
import { writeSnapshot } from "@/lib/postmortems/snapshots";
import { reviewHref } from "@/lib/reviews/links";

function assertTransition(subject: ReviewSubject, action: ReviewAction): void {
  if (!canTransition(subject.status, action)) throw new AppError("CONFLICT", REFUSAL[action][subject.status] ?? "That is not possible in this state.");
}

async function nameOf(tx: Tx, userId: string): Promise<string> {
  return (await tx.user.findUnique({ where: { id: userId }, select: { name: true } }))?.name ?? "Someone";
}

/** The document as stored must have the team's own words in every required section before anyone is asked to review it. */
async function assertRequiredSections(tx: Tx, subject: ReviewSubject): Promise<void> {
  const row = await tx.postmortem.findUniqueOrThrow({ where: { id: subject.id }, select: { ydoc: true } });
  const missing = requiredSectionsWithoutWords(documentFromUpdate(new Uint8Array(row.ydoc)));
  if (missing.length > 0) {
    throw new AppError("VALIDATION", `Fill in the required sections first: ${missing.join(", ")}.`, { reviewerIds: [`Required sections are empty: ${missing.join(", ")}.`] });
  }
}

/** The text an approval was given on, kept as a version so later reviewers can see what changed since. */
async function keepApprovedVersion(tx: Tx, subject: ReviewSubject, name: string, userId: string): Promise<void> {
  const current = await tx.postmortem.findUniqueOrThrow({ where: { id: subject.id }, select: { ydoc: true, content: true, markdown: true, contentHash: true, contentVersion: true } });
  await writeSnapshot(
    tx,
    { postmortemId: subject.id, teamId: subject.teamId, ydoc: new Uint8Array(current.ydoc), content: current.content as object, markdown: current.markdown, contentHash: current.contentHash, contentVersion: current.contentVersion },
    "STATUS",
    name,
    userId,
  );
}

/** Asks named members to review. From a draft it starts the review; during one it adds reviewers. */
export async function requestReview(userId: string, input: unknown, notifier: Notifier = inAppNotifier) {
  const data = parseInput(requestReviewSchema, input);
  return db().$transaction(async (tx) => {
    const actor = await loadActor(tx, userId, data.teamId);
    authorize(actor, "postmortem.requestReview", { teamId: data.teamId });
    const subject = await lockSubject(tx, data.teamId, data.postmortemId);
    assertTransition(subject, "requestReview");
    await assertRequiredSections(tx, subject);
    const reviewers = await tx.membership.findMany({
      where: { teamId: data.teamId, userId: { in: [...new Set(data.reviewerIds)] }, role: { in: ["OWNER", "ADMIN", "MEMBER"] } },
      select: { userId: true, user: { select: { name: true } } },
    });
    if (reviewers.length !== new Set(data.reviewerIds).size) {
      throw new AppError("VALIDATION", "Please correct the highlighted fields.", { reviewerIds: ["Reviewers must be members of this team who can review (not viewers)."] });
    }
    if (reviewers.some((r) => r.userId === subject.authorId)) {
      throw new AppError("VALIDATION", "Please correct the highlighted fields.", { reviewerIds: ["The author cannot review their own postmortem."] });
    }
    const existing = new Set((await tx.reviewRequest.findMany({ where: { postmortemId: subject.id }, select: { reviewerId: true } })).map((r) => r.reviewerId));
    if (reviewers.length === 0 && (existing.size === 0 || subject.status !== "DRAFT")) {
      throw new AppError("VALIDATION", "Please correct the highlighted fields.", { reviewerIds: ["Choose at least one reviewer."] });
    }
    const added = reviewers.filter((r) => !existing.has(r.userId));
    await tx.reviewRequest.createMany({
      data: added.map((r) => ({ postmortemId: subject.id, teamId: data.teamId, reviewerId: r.userId, requestedById: userId })),
      skipDuplicates: true,
    });
    const names = added.map((r) => r.user.name).join(", ");
    const requester = await nameOf(tx, userId);
    const starting = subject.status === "DRAFT";
    // A fresh round (first request, or after changes were requested) asks everyone named so far again.
    const asked = starting
      ? await tx.reviewRequest.findMany({ where: { postmortemId: subject.id, teamId: data.teamId, reviewer: { memberships: { some: { teamId: data.teamId, role: { in: ["OWNER", "ADMIN", "MEMBER"] } } } } }, select: { reviewerId: true, reviewer: { select: { name: true } } }, orderBy: { createdAt: "asc" }, take: 50 })
      : added.map((r) => ({ reviewerId: r.userId, reviewer: r.user }));
    if (starting) {
      await changeStatus(tx, subject, "IN_REVIEW", userId, `Postmortem sent for review to ${asked.map((r) => r.reviewer.name).join(", ")} (version ${subject.contentVersion}).`);
    } else if (added.length > 0) {
      await recordSystemEvents(tx, { teamId: data.teamId, incidentId: subject.incidentId, actorId: userId, at: new Date() }, [{ kind: "UPDATE", body: `Postmortem review also requested from ${names}.` }]);
    }
    await notifier.notify(
      asked.map((r) => ({
        userId: r.reviewerId,
        teamId: data.teamId,
        kind: "review.requested" as const,
        dedupeKey: `review-requested:${subject.id}:${r.reviewerId}:${subject.contentVersion}`,
        message: `${requester} asked you to review the postmortem of ${formatIncidentNumber(subject.incidentNumber)}`,
        href: reviewHref(subject.teamSlug, subject.incidentNumber),
      })),
      tx,
    );
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "postmortem.review_requested", targetType: "postmortem", targetId: subject.id, data: { reviewers: reviewers.map((r) => r.userId) } });
    if (asked.length > 0) await recordPostmortemEvent(tx, data.teamId, subject.id, "review.requested", { reviewers: asked.map((r) => ({ id: r.reviewerId, name: r.reviewer.name })) });
    await notifyIncidentChanged(tx, subject.incidentId);
    return { status: subject.status, added: added.length };
  });
}

async function assertReviewer(tx: Tx, userId: string, subject: ReviewSubject, read: { contentVersion: number; factsVersion?: number }): Promise<string> {
  const actor = await loadActor(tx, userId, subject.teamId);
  authorize(actor, "postmortem.review", { teamId: subject.teamId, postmortemAuthorId: subject.authorId });
  if (read.contentVersion !== subject.contentVersion) {
    throw new AppError(
      "CONFLICT",
      `The postmortem changed while you were reading it (you read version ${read.contentVersion}, it is now version ${subject.contentVersion}). Look at the changes, then decide again.`,
    );
  }
  if (subject.policy.factsCountAsChange && read.factsVersion !== undefined && read.factsVersion !== subject.factsVersion) {
    throw new AppError("CONFLICT", "The incident's timeline, tasks or times changed while you were reading. Reload to see them, then decide again.");
  }
  return nameOf(tx, userId);
}

/**
 * Approves the exact version the reviewer read. Decisions are serialised on the postmortem row,
 * so two reviewers approving at the same instant are both recorded and only one of them moves
 * the postmortem to APPROVED.
 */
export async function approve(userId: string, input: unknown, notifier: Notifier = inAppNotifier) {
  const data = parseInput(approveSchema, input);
  return db().$transaction(async (tx) => {
    const subject = await lockSubject(tx, data.teamId, data.postmortemId);
    const name = await assertReviewer(tx, userId, subject, data);
    assertTransition(subject, "approve");
    const before = await evaluate(tx, subject);
    if (before.counted.some((a) => a.reviewerId === userId)) {
      throw new AppError("CONFLICT", `You have already approved version ${subject.contentVersion}.`);
    }
    await tx.review.create({
      data: {
        postmortemId: subject.id,
        teamId: subject.teamId,
        reviewerId: userId,
        reviewerName: name,
        decision: "APPROVED",
        comment: data.comment,
        contentVersion: subject.contentVersion,
        contentHash: subject.contentHash,
        factsVersion: subject.factsVersion,
      },
    });
    const after = await evaluate(tx, subject);
    const progress = after.checklist.map((c) => `${c.label} ${c.met ? "✓" : "✗"}`).join(", ");
    if (after.met && subject.status === "IN_REVIEW") {
      await changeStatus(tx, subject, "APPROVED", userId, `Postmortem approved by ${name} (version ${subject.contentVersion}; ${progress}).`);
      const people = new Set([subject.authorId, ...after.counted.map((a) => a.reviewerId)].filter((id): id is string => Boolean(id) && id !== userId));
      await notifier.notify(
        [...people].map((id) => ({
          userId: id,
          teamId: subject.teamId,
          kind: "review.approved" as const,
          dedupeKey: `review-approved:${subject.id}:${subject.contentVersion}:${subject.factsVersion}`,
          message: `The postmortem of ${formatIncidentNumber(subject.incidentNumber)} is approved`,
          href: reviewHref(subject.teamSlug, subject.incidentNumber),
        })),
        tx,
      );
    } else {
      await keepApprovedVersion(tx, subject, `Approved by ${name}`, userId);
      await recordSystemEvents(tx, { teamId: subject.teamId, incidentId: subject.incidentId, actorId: userId, at: new Date() }, [
        { kind: "UPDATE", body: `${name} approved the postmortem (version ${subject.contentVersion}; ${progress}).` },
      ]);
      await notifyIncidentChanged(tx, subject.incidentId);
    }
    await recordAudit(tx, { teamId: subject.teamId, actorId: userId, action: "postmortem.approved", targetType: "postmortem", targetId: subject.id, data: { contentVersion: subject.contentVersion, contentHash: subject.contentHash } });
    return { status: subject.status, met: after.met };
  });
}

/** Sends the postmortem back to its author with what needs to change. */
export async function requestChanges(userId: string, input: unknown, notifier: Notifier = inAppNotifier) {
  const data = parseInput(requestChangesSchema, input);
  return db().$transaction(async (tx) => {
    const subject = await lockSubject(tx, data.teamId, data.postmortemId);
    const name = await assertReviewer(tx, userId, subject, data);
    assertTransition(subject, "requestChanges");
    await tx.review.create({
      data: {
        postmortemId: subject.id,
        teamId: subject.teamId,
        reviewerId: userId,
        reviewerName: name,
        decision: "CHANGES_REQUESTED",
        comment: data.comment,
        contentVersion: subject.contentVersion,
        contentHash: subject.contentHash,
        factsVersion: subject.factsVersion,
      },
    });
    const excerpt = data.comment.length > 160 ? `${data.comment.slice(0, 157)}…` : data.comment;
    await changeStatus(tx, subject, "DRAFT", userId, `${name} requested changes to the postmortem: “${excerpt}”`);
    if (subject.authorId && subject.authorId !== userId) {
      await notifier.notify(
        [
          {
            userId: subject.authorId,
            teamId: subject.teamId,
            kind: "review.changes_requested",
            dedupeKey: `review-changes:${subject.id}:${userId}:${subject.contentVersion}`,
            message: `${name} requested changes to the postmortem of ${formatIncidentNumber(subject.incidentNumber)}`,
            href: reviewHref(subject.teamSlug, subject.incidentNumber),
          },
        ],
        tx,
      );
    }
    await recordAudit(tx, { teamId: subject.teamId, actorId: userId, action: "postmortem.changes_requested", targetType: "postmortem", targetId: subject.id, data: { contentVersion: subject.contentVersion } });
    return { status: subject.status };
  });
}

/** Takes the postmortem out of review (back to draft); approvals given stay on record. */
export async function withdrawReview(userId: string, input: unknown) {
  const data = parseInput(withdrawSchema, input);
  return db().$transaction(async (tx) => {
    const actor = await loadActor(tx, userId, data.teamId);
    authorize(actor, "postmortem.requestReview", { teamId: data.teamId });
    const subject = await lockSubject(tx, data.teamId, data.postmortemId);
    assertTransition(subject, "withdraw");
    await changeStatus(tx, subject, "DRAFT", userId, `${await nameOf(tx, userId)} took the postmortem back to draft.`);
    return { status: subject.status };
  });
}
