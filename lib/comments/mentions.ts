import type { Tx } from "@/lib/db";

/**
 * The people a comment really mentions: chosen in the picker (ids), members of the team, and
 * named in the text as "@Name". An id smuggled in without the name in the text notifies nobody.
 */
export async function resolveMentions(tx: Tx, teamId: string, body: string, ids: readonly string[], authorId: string) {
  if (ids.length === 0) return [];
  const members = await tx.membership.findMany({
    where: { teamId, userId: { in: [...new Set(ids)] } },
    select: { userId: true, user: { select: { name: true } } },
  });
  return members
    .filter((m) => m.userId !== authorId && body.toLowerCase().includes(`@${m.user.name.toLowerCase()}`))
    .map((m) => ({ userId: m.userId, name: m.user.name }));
}
