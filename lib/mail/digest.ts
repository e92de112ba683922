import { db } from "@/lib/db";
import { queueMail, type QueuedMail } from "@/lib/mail/outbox";
import { publicOrigin } from "@/lib/publishing/origin";
import { formatDayKey, formatTime } from "@/lib/time/format";

/** Digests go out in the first run from this hour on, in the recipient's zone. */
export const DIGEST_HOUR = 8;
const MAX_ITEMS = 50;
/** Subscribers handled per round: three queries and one transaction each, however many there are. */
const PAGE_SIZE = 500;

const digestKey = (userId: string, day: string) => `digest:${userId}:${day}`;

/** The hour of `now` in the zone, from the cached "HH:MM GMT+x" formatter rather than a new one per subscriber. */
function localHour(now: Date, timeZone: string): number {
  return Number(formatTime(now, timeZone).slice(0, 2));
}

type Subscriber = { userId: string; email: string; zone: string; day: string };
type Item = { userId: string; message: string; href: string; createdAt: Date; teamName: string };

function subscribersPage(after: string | null, pageSize: number) {
  return db().mailSettings.findMany({
    where: { dailyDigest: true, user: { emailVerified: { not: null }, disabledAt: null }, ...(after ? { userId: { gt: after } } : {}) },
    orderBy: { userId: "asc" },
    take: pageSize,
    select: { userId: true, timeZone: true, user: { select: { email: true, memberships: { select: { team: { select: { timeZone: true } } }, orderBy: { createdAt: "asc" }, take: 1 } } } },
  });
}

/** Each subscriber's newest unread notifications of the last 24 hours, MAX_ITEMS at most, in one query. */
function unreadOf(userIds: string[], now: Date): Promise<Item[]> {
  return db().$queryRaw<Item[]>`
    SELECT "userId", message, href, "createdAt", "teamName" FROM (
      SELECT n."userId", n.message, n.href, n."createdAt", t.name AS "teamName",
             row_number() OVER (PARTITION BY n."userId" ORDER BY n."createdAt" DESC, n.id DESC) AS rank
        FROM "Notification" n JOIN "Team" t ON t.id = n."teamId"
       WHERE n."userId" = ANY(${userIds}) AND n."readAt" IS NULL
         AND n."createdAt" > ${new Date(now.getTime() - 24 * 60 * 60_000)} AND n."createdAt" <= ${now}
    ) newest
    WHERE rank <= ${MAX_ITEMS}
    ORDER BY "userId", "createdAt" DESC`;
}

function digestMail(subscriber: Subscriber, items: Item[]): QueuedMail {
  return {
    to: subscriber.email,
    kind: "digest",
    userId: subscriber.userId,
    dedupeKey: digestKey(subscriber.userId, subscriber.day),
    unsubscribable: true,
    subject: `Your Hindsight digest for ${subscriber.day}: ${items.length} unread`,
    content: {
      heading: `${items.length} unread notification${items.length === 1 ? "" : "s"}`,
      paragraphs: items.map((n) => `${formatTime(n.createdAt, subscriber.zone)} · ${n.teamName} · ${n.message} — ${publicOrigin()}${n.href}`),
      action: { label: "Open your notifications", url: `${publicOrigin()}/notifications` },
      footnotes: ["You asked for a daily digest (Account → Notifications)."],
    },
  };
}

/**
 * Queues each subscriber's daily digest of unread notifications from the last 24 hours. Runs
 * hourly; the dedupe key (user and local day) makes it once a day however often it runs, and
 * subscribers whose digest for today is already queued are skipped before anything is read.
 */
export async function queueDigests(now: Date, pageSize = PAGE_SIZE): Promise<number> {
  let queued = 0;
  let after: string | null = null;
  for (;;) {
    const page = await subscribersPage(after, pageSize);
    if (page.length === 0) return queued;
    after = page.at(-1)!.userId;
    const due: Subscriber[] = [];
    for (const { userId, timeZone, user } of page) {
      const zone = timeZone ?? user.memberships[0]?.team.timeZone ?? "UTC";
      if (localHour(now, zone) >= DIGEST_HOUR) due.push({ userId, email: user.email, zone, day: formatDayKey(now, zone) });
    }
    if (due.length === 0) continue;
    const done = await db().outgoingEmail.findMany({ where: { dedupeKey: { in: due.map((s) => digestKey(s.userId, s.day)) } }, select: { dedupeKey: true } });
    const already = new Set(done.map((mail) => mail.dedupeKey));
    const pending = due.filter((s) => !already.has(digestKey(s.userId, s.day)));
    if (pending.length === 0) continue;
    const items = new Map<string, Item[]>();
    for (const item of await unreadOf(pending.map((s) => s.userId), now)) items.set(item.userId, [...(items.get(item.userId) ?? []), item]);
    const mails = pending.flatMap((s) => {
      const mine = items.get(s.userId);
      return mine ? [digestMail(s, mine)] : [];
    });
    if (mails.length > 0) queued += await db().$transaction((tx) => queueMail(tx, mails));
  }
}
