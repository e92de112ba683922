import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/authz";
import { COMMENTS_PER_THREAD, OPEN_THREAD_LIMIT, RESOLVED_THREAD_LIMIT } from "@/lib/comments/limits";


const threadSelect = {
  id: true,
  quote: true,
  createdAt: true,
  resolvedAt: true,
  resolvedBy: { select: { name: true } },
  comments: {
    orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }],
    // One more than shown tells the panel that there are more, without counting every comment.
    take: COMMENTS_PER_THREAD + 1,
    select: { id: true, body: true, createdAt: true, author: { select: { id: true, name: true } } },
  },
};

/** Open threads (oldest first, as they read down a review) and the latest resolved ones. Index: postmortemId, resolvedAt, createdAt, id. */
export async function listThreads(actor: Actor, teamId: string, postmortemId: string) {
  authorize(actor, "postmortem.read", { teamId });
  const [open, resolved, resolvedCount] = await Promise.all([
    db().commentThread.findMany({ where: { postmortemId, teamId, resolvedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: OPEN_THREAD_LIMIT, select: threadSelect }),
    db().commentThread.findMany({ where: { postmortemId, teamId, resolvedAt: { not: null } }, orderBy: [{ resolvedAt: "desc" }, { id: "desc" }], take: RESOLVED_THREAD_LIMIT, select: threadSelect }),
    db().commentThread.count({ where: { postmortemId, teamId, resolvedAt: { not: null } } }),
  ]);
  return { open, resolved, resolvedCount };
}

export type ThreadList = Awaited<ReturnType<typeof listThreads>>;
export type Thread = ThreadList["open"][number];
