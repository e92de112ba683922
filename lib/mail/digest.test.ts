import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTeamWith } from "@/lib/testing/factories";
import { captureQueries } from "@/lib/testing/explain";
import { queueDigests } from "@/lib/mail/digest";

describe("the daily digest at scale", () => {
  it("reaches every subscriber in a few statements per page, each mail with only its reader's newest 50", async () => {
    const { team } = await createTeamWith();
    const run = randomUUID().slice(0, 8);
    const subscribers = 130;
    const pageSize = 40;
    // 09:00 UTC: every subscriber below is past 08:00 in their zone.
    const now = new Date("2031-03-04T09:00:00Z");
    await db().$executeRawUnsafe(
      `INSERT INTO "User" (id, email, name, "emailVerified", "updatedAt")
       SELECT 'dg-${run}-' || lpad(g::text, 5, '0'), 'dg-${run}-' || g || '@example.test', 'Reader ' || g, now(), now() FROM generate_series(1, ${subscribers}) g`,
    );
    await db().$executeRawUnsafe(`INSERT INTO "MailSettings" ("userId", "timeZone", "dailyDigest") SELECT id, 'Europe/Lisbon', true FROM "User" WHERE id LIKE 'dg-${run}-%'`);
    await db().$executeRawUnsafe(
      `INSERT INTO "Notification" (id, "userId", "teamId", kind, "dedupeKey", message, href, "createdAt")
       SELECT 'dg-n-${run}-' || u.id, u.id, $1, 'task.overdue', 'k', 'Overdue for ' || u.name, '/t/x', $2::timestamptz - interval '1 hour'
         FROM "User" u WHERE u.id LIKE 'dg-${run}-%'`,
      team.id,
      now,
    );
    const busiest = `dg-${run}-00001`;
    await db().$executeRawUnsafe(
      `INSERT INTO "Notification" (id, "userId", "teamId", kind, "dedupeKey", message, href, "createdAt")
       SELECT 'dg-b-${run}-' || g, $1, $2, 'task.overdue', 'b' || g, 'Busy ' || g, '/t/x', $3::timestamptz - g * interval '1 minute' FROM generate_series(1, 60) g`,
      busiest,
      team.id,
      now,
    );

    const statements = await captureQueries(() => queueDigests(now, pageSize), { transactionControl: true });
    const mails = await db().outgoingEmail.findMany({ where: { kind: "digest", userId: { startsWith: `dg-${run}-` } }, select: { userId: true, text: true, subject: true } });
    expect(mails).toHaveLength(subscribers);
    const reader = mails.find((m) => m.userId === `dg-${run}-00070`);
    expect(reader?.text).toContain("Overdue for Reader 70");
    expect(reader?.text).not.toContain("Reader 71");
    const busy = mails.find((m) => m.userId === busiest);
    expect(busy?.subject).toMatch(/: 50 unread$/);
    expect(busy?.text).toContain("Busy 1 ");
    expect(busy?.text).not.toContain("Busy 60 ");
    // A few statements per page (other tests' subscribers may add a page, and the last one is empty), none per subscriber.
    const pages = Math.ceil(subscribers / pageSize) + 2;
    expect(statements.length).toBeLessThanOrEqual(10 * pages);

    // Later runs the same day skip everyone before reading a single notification.
    const again = await captureQueries(() => queueDigests(new Date(now.getTime() + 60 * 60_000), pageSize));
    expect(again.some((q) => q.sql.includes('"Notification"'))).toBe(false);
    expect(await db().outgoingEmail.count({ where: { kind: "digest", userId: { startsWith: `dg-${run}-` } } })).toBe(subscribers);
    // Not left queued for other test files' delivery runs to send.
    await db().outgoingEmail.deleteMany({ where: { kind: "digest", userId: { startsWith: `dg-${run}-` } } });
  }, 60_000);
});
