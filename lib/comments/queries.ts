import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/authz";

/** Bounds that keep the page fast on a heavily discussed document; the panel says when more exist. */
export const OPEN_THREAD_LIMIT = 200;
export const RESOLVED_THREAD_LIMIT = 50;
export const COMMENTS_PER_THREAD = 100;

const threadSelect = {
  id: true,
  quote: true,
  createdAt: true,
  resolvedAt: true,
  resolvedBy: { select: { name: true } },
  comments: {
    orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }],
    take: COMMENTS_PER_THREAD,
    select: { id: true, body: true, createdAt: true, author: { select: { id: true, name: true } } },
  },
  _count: { select: { comments: true } },
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
