import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/authz";
import { decodeCursor, toPage } from "@/lib/pagination";

export async function listMyTeams(userId: string) {
  const memberships = await db().membership.findMany({
    where: { userId },
    orderBy: { team: { name: "asc" } },
    select: { role: true, team: { select: { id: true, slug: true, name: true } } },
    take: 200,
  });
  return memberships.map((m) => ({ ...m.team, role: m.role }));
}

export const MEMBER_PAGE_SIZE = 50;
/** Pickers (owner, commander) list at most this many people, by name. */
export const MEMBER_OPTIONS_LIMIT = 500;

/** The members page: oldest first, keyset-paginated on (createdAt, id). */
export async function listMembers(actor: Actor, teamId: string, rawCursor?: string | null) {
  authorize(actor, "member.list", { teamId });
  const cursor = decodeCursor(rawCursor);
  const at = cursor ? new Date(cursor.at) : null;
  const rows = await db().membership.findMany({
    where: {
      teamId,
      ...(cursor && at && !Number.isNaN(at.getTime()) ? { OR: [{ createdAt: { gt: at } }, { createdAt: at, id: { gt: cursor.id } }] } : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true, image: true } } },
    take: MEMBER_PAGE_SIZE + 1,
  });
  return toPage(rows, MEMBER_PAGE_SIZE, (row) => ({ at: row.createdAt.toISOString(), id: row.id }));
}

export async function countMembers(actor: Actor, teamId: string): Promise<number> {
  authorize(actor, "member.list", { teamId });
  return db().membership.count({ where: { teamId } });
}

/** Team members for a picker, by name (one statement: a Prisma relation select would be two). */
export async function listMemberOptions(actor: Actor, teamId: string): Promise<{ id: string; name: string }[]> {
  authorize(actor, "member.list", { teamId });
  return db().$queryRaw<{ id: string; name: string }[]>`
    SELECT u.id, u.name FROM "Membership" m JOIN "User" u ON u.id = m."userId"
     WHERE m."teamId" = ${teamId} ORDER BY u.name, u.id LIMIT ${MEMBER_OPTIONS_LIMIT}`;
}

export async function listActiveInvites(actor: Actor, teamId: string) {
  authorize(actor, "member.invite", { teamId });
  return db().invite.findMany({
    where: { teamId, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, role: true, expiresAt: true, createdAt: true, useCount: true, createdBy: { select: { name: true } } },
    take: 100,
  });
}
