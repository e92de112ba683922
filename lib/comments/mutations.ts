import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/record";
import { parseInput } from "@/lib/validation";
import { loadActor } from "@/lib/teams/actor";
import { notifyIncidentChanged } from "@/lib/realtime/notify";
import { inAppNotifier, type Notifier } from "@/lib/notifications/notifier";
import { formatIncidentNumber } from "@/lib/incidents/labels";
import { replySchema, resolveThreadSchema, startThreadSchema } from "@/lib/comments/schema";
import { resolveMentions } from "@/lib/comments/mentions";

async function postmortemOf(tx: Tx, teamId: string, postmortemId: string) {
  const postmortem = await tx.postmortem.findFirst({
    where: { id: postmortemId, teamId },
    select: { id: true, incidentId: true, incident: { select: { number: true } }, team: { select: { slug: true } } },
  });
  if (!postmortem) throw new AppError("NOT_FOUND", "This postmortem was not found.");
  return postmortem;
}

type Target = Awaited<ReturnType<typeof postmortemOf>>;

async function notifyMentions(tx: Tx, notifier: Notifier, target: Target, teamId: string, commentId: string, authorName: string, mentioned: { userId: string }[]) {
  await notifier.notify(
    mentioned.map((m) => ({
      userId: m.userId,
      teamId,
      kind: "comment.mention" as const,
      dedupeKey: `comment-mention:${commentId}`,
      message: `${authorName} mentioned you in the postmortem of ${formatIncidentNumber(target.incident.number)}`,
      href: `/t/${target.team.slug}/incidents/${target.incident.number}/postmortem#comment-${commentId}`,
    })),
    tx,
  );
}

/** Opens a thread on a passage; the editor then anchors it there with a comment mark carrying the thread's id. */
export async function startThread(userId: string, input: unknown, notifier: Notifier = inAppNotifier) {
  const data = parseInput(startThreadSchema, input);
  return db().$transaction(async (tx) => {
    const actor = await loadActor(tx, userId, data.teamId);
    authorize(actor, "postmortem.comment", { teamId: data.teamId });
    const target = await postmortemOf(tx, data.teamId, data.postmortemId);
    const thread = await tx.commentThread.create({
      data: { postmortemId: target.id, teamId: data.teamId, quote: data.quote, createdById: userId, comments: { create: { authorId: userId, body: data.body } } },
      select: { id: true, comments: { select: { id: true } }, createdBy: { select: { name: true } } },
    });
    const commentId = thread.comments[0]?.id ?? thread.id;
    const mentioned = await resolveMentions(tx, data.teamId, data.body, data.mentions, userId);
    await notifyMentions(tx, notifier, target, data.teamId, commentId, thread.createdBy?.name ?? "Someone", mentioned);
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "comment.thread_started", targetType: "postmortem", targetId: target.id, data: { threadId: thread.id, mentions: mentioned.length } });
    await notifyIncidentChanged(tx, target.incidentId);
    return { threadId: thread.id };
  });
}

export async function replyToThread(userId: string, input: unknown, notifier: Notifier = inAppNotifier) {
  const data = parseInput(replySchema, input);
  return db().$transaction(async (tx) => {
    const actor = await loadActor(tx, userId, data.teamId);
    authorize(actor, "postmortem.comment", { teamId: data.teamId });
    const thread = await tx.commentThread.findFirst({ where: { id: data.threadId, teamId: data.teamId }, select: { id: true, postmortemId: true, createdById: true } });
    if (!thread) throw new AppError("NOT_FOUND", "This comment thread was not found.");
    const target = await postmortemOf(tx, data.teamId, thread.postmortemId);
    const comment = await tx.comment.create({ data: { threadId: thread.id, authorId: userId, body: data.body }, select: { id: true, author: { select: { name: true } } } });
    const now = new Date();
    await tx.commentThread.update({ where: { id: thread.id }, data: { lastCommentAt: now } });
    const mentioned = await resolveMentions(tx, data.teamId, data.body, data.mentions, userId);
    const authorName = comment.author?.name ?? "Someone";
    await notifyMentions(tx, notifier, target, data.teamId, comment.id, authorName, mentioned);
    // The thread's starter hears about replies unless they were mentioned (already told) or wrote it.
    if (thread.createdById && thread.createdById !== userId && !mentioned.some((m) => m.userId === thread.createdById)) {
      await notifier.notify(
        [
          {
            userId: thread.createdById,
            teamId: data.teamId,
            kind: "comment.reply",
            dedupeKey: `comment-reply:${comment.id}`,
            message: `${authorName} replied to your comment on the postmortem of ${formatIncidentNumber(target.incident.number)}`,
            href: `/t/${target.team.slug}/incidents/${target.incident.number}/postmortem#comment-${comment.id}`,
          },
        ],
        tx,
      );
    }
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "comment.replied", targetType: "postmortem", targetId: target.id, data: { threadId: thread.id } });
    await notifyIncidentChanged(tx, target.incidentId);
    return { commentId: comment.id };
  });
}

export async function setThreadResolved(userId: string, input: unknown) {
  const data = parseInput(resolveThreadSchema, input);
  return db().$transaction(async (tx) => {
    const actor = await loadActor(tx, userId, data.teamId);
    authorize(actor, "postmortem.comment", { teamId: data.teamId });
    const thread = await tx.commentThread.findFirst({ where: { id: data.threadId, teamId: data.teamId }, select: { id: true, postmortemId: true, postmortem: { select: { incidentId: true } } } });
    if (!thread) throw new AppError("NOT_FOUND", "This comment thread was not found.");
    await tx.commentThread.update({
      where: { id: thread.id },
      data: data.resolved ? { resolvedAt: new Date(), resolvedById: userId } : { resolvedAt: null, resolvedById: null },
    });
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: data.resolved ? "comment.resolved" : "comment.reopened", targetType: "postmortem", targetId: thread.postmortemId, data: { threadId: thread.id } });
    await notifyIncidentChanged(tx, thread.postmortem.incidentId);
    return { resolved: data.resolved };
  });
}
