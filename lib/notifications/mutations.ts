import { db } from "@/lib/db";

/** Only our own paths: a notification's address is ours, but it is followed without asking. */
const isOwnPath = (href: string) => href.startsWith("/") && !href.startsWith("//") && !href.startsWith("/\\");

/**
 * Opening a notification marks it read and says where it leads; null when it is not the user's.
 * The first opening sets the time; later ones keep it.
 */
export async function openNotification(userId: string, id: string): Promise<string | null> {
  const row = await db().notification.findFirst({ where: { id, userId }, select: { href: true, readAt: true } });
  if (!row) return null;
  if (!row.readAt) await db().notification.updateMany({ where: { id, userId, readAt: null }, data: { readAt: new Date() } });
  return isOwnPath(row.href) ? row.href : "/notifications";
}
