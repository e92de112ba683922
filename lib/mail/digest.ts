import { db } from "@/lib/db";
import { queueMail } from "@/lib/mail/outbox";
import { publicOrigin } from "@/lib/publishing/origin";
import { formatDayKey, formatTime } from "@/lib/time/format";

/** Digests go out in the first run from this hour on, in the recipient's zone. */
export const DIGEST_HOUR = 8;
const MAX_ITEMS = 50;

function localHour(now: Date, timeZone: string): number {
  return Number(new Intl.DateTimeFormat("en-US", { timeZone, hour: "2-digit", hourCycle: "h23" }).format(now));
}

/**
 * Queues each subscriber's daily digest of unread notifications from the last 24 hours. Runs
 * hourly; the dedupe key (user and local day) makes it once a day however often it runs.
 */
export async function queueDigests(now: Date): Promise<number> {
  const subscribers = await db().mailSettings.findMany({
    where: { dailyDigest: true, user: { emailVerified: { not: null }, disabledAt: null } },
    select: { timeZone: true, user: { select: { id: true, email: true, memberships: { select: { team: { select: { timeZone: true } } }, take: 1 } } } },
  });
  let queued = 0;
  for (const { timeZone, user } of subscribers) {
    const zone = timeZone ?? user.memberships[0]?.team.timeZone ?? "UTC";
    if (localHour(now, zone) < DIGEST_HOUR) continue;
    const day = formatDayKey(now, zone);
    const items = await db().notification.findMany({
      where: { userId: user.id, readAt: null, createdAt: { gt: new Date(now.getTime() - 24 * 60 * 60_000), lte: now } },
      orderBy: { createdAt: "desc" },
      take: MAX_ITEMS,
      select: { message: true, href: true, createdAt: true, team: { select: { name: true } } },
    });
    if (items.length === 0) continue;
    queued += await db().$transaction((tx) =>
      queueMail(tx, [
        {
          to: user.email,
          kind: "digest",
          userId: user.id,
          dedupeKey: `digest:${user.id}:${day}`,
          unsubscribable: true,
          subject: `Your Hindsight digest for ${day}: ${items.length} unread`,
          content: {
            heading: `${items.length} unread notification${items.length === 1 ? "" : "s"}`,
            paragraphs: items.map((n) => `${formatTime(n.createdAt, zone)} · ${n.team.name} · ${n.message} — ${publicOrigin()}${n.href}`),
            action: { label: "Open your notifications", url: `${publicOrigin()}/notifications` },
            footnotes: ["You asked for a daily digest (Account → Notifications)."],
          },
        },
      ]),
    );
  }
  return queued;
}
