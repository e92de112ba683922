import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor, toPage } from "@/lib/pagination";

export const NOTIFICATION_PAGE_SIZE = 30;
/** The header's badge shows "99+" past this: counting further would only cost time. */
export const UNREAD_BADGE_CAP = 100;

/** The capped unread count as a subquery, for a page's shell statement (lib/teams/actor.ts). */
export const unreadCountSql = (userId: string) => Prisma.sql`(SELECT count(*)::int FROM (SELECT 1 FROM "Notification"
  WHERE "userId" = ${userId} AND "readAt" IS NULL LIMIT ${UNREAD_BADGE_CAP}) unread)`;

export async function unreadCount(userId: string): Promise<number> {
  return db().notification.count({ where: { userId, readAt: null } });
}

/** Newest first, keyset on (createdAt, id); only the signed-in user's own. */
export async function listNotifications(userId: string, rawCursor?: string | null) {
  const cursor = decodeCursor(rawCursor);
  const at = cursor ? new Date(cursor.at) : null;
  const rows = await db().notification.findMany({
    where: {
      userId,
      ...(cursor && at && !Number.isNaN(at.getTime()) ? { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: cursor.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: NOTIFICATION_PAGE_SIZE + 1,
    select: { id: true, kind: true, message: true, href: true, readAt: true, createdAt: true, team: { select: { name: true, timeZone: true } } },
  });
  return toPage(rows, NOTIFICATION_PAGE_SIZE, (row) => ({ at: row.createdAt.toISOString(), id: row.id }));
}

/** Marks the user's own notifications read; ids from the client are filtered by userId. */
export async function markRead(userId: string, ids: string[] | "all"): Promise<number> {
  const result = await db().notification.updateMany({
    where: { userId, readAt: null, ...(ids === "all" ? {} : { id: { in: ids.slice(0, 200) } }) },
    data: { readAt: new Date() },
  });
  return result.count;
}
