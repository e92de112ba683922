import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTeamWith, createUser, uniqueEmail } from "@/lib/testing/factories";
import { startSmtpPeer, type SmtpPeer } from "@/lib/testing/smtp-peer";
import { deliverOutbox, KEPT_MESSAGE, LEASE_MS, MAX_ATTEMPTS } from "@/lib/mail/deliver";
import { queueMail, type QueuedMail } from "@/lib/mail/outbox";
import { smtpSender } from "@/lib/mail/transport";
import { readUnsubscribeToken, unsubscribeToken } from "@/lib/mail/unsubscribe";
import { inAppNotifier, type NotificationInput } from "@/lib/notifications/notifier";
import { declareIncident } from "@/lib/incidents/mutations";
import { queueDigests } from "@/lib/mail/digest";

let peer: SmtpPeer;
beforeAll(async () => {
  peer = await startSmtpPeer();
});
afterAll(async () => {
  await peer.close();
});

const mail = (to: string, overrides: Partial<QueuedMail> = {}): QueuedMail => ({
  to,
  kind: "test",
  subject: "Hello <there>",
  content: { heading: "Review <b>requested</b>", paragraphs: ["Ada & Bob"], action: { label: "Open", url: "http://localhost:3000/x?a=1&b=2" } },
  ...overrides,
});

describe("the outbox", () => {
  it("delivers a queued mail over SMTP with both parts, a stable Message-ID and one-click unsubscribe", async () => {
    const user = await createUser();
    const to = uniqueEmail("to");
    await db().$transaction((tx) => queueMail(tx, [mail(to, { userId: user.id, kind: "review.requested", unsubscribable: true })]));
    const row = await db().outgoingEmail.findFirstOrThrow({ where: { toAddress: to } });
    expect(row.status).toBe("PENDING");

    await deliverOutbox(smtpSender(peer.url, "Hindsight <noreply@hindsight.test>"));
    const got = await peer.waitFor(to);
    expect(got.headers.get("message-id")).toBe(row.messageId);
    expect(got.headers.get("from")).toContain("noreply@hindsight.test");
    expect(got.headers.get("subject")).toBe("Hello <there>");
    expect(got.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const listUnsubscribe = got.headers.get("list-unsubscribe") ?? "";
    expect(listUnsubscribe).toMatch(/^<https?:\/\/[^>]+\/unsubscribe\?token=[^>]+>, <mailto:[^>]+>$/);
    const token = decodeURIComponent(/token=([^>]+)>/.exec(listUnsubscribe)![1]!);
    expect(readUnsubscribeToken(token)).toEqual({ userId: user.id, kind: "review.requested" });
    // User text is escaped in HTML and kept verbatim in plain text.
    expect(got.html).toContain("Review &lt;b&gt;requested&lt;/b&gt;");
    expect(got.html).toContain("Ada &amp; Bob");
    expect(got.html).not.toContain("<b>requested");
    expect(got.text).toContain("Review <b>requested</b>");
    expect(got.text).toContain("Open: http://localhost:3000/x?a=1&b=2");

    const sent = await db().outgoingEmail.findUniqueOrThrow({ where: { id: row.id } });
    expect(sent).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
    expect(sent.sentAt).not.toBeNull();
  });

  it("sends nothing when the transaction that queued the mail rolls back", async () => {
    const to = uniqueEmail("rollback");
    await expect(
      db().$transaction(async (tx) => {
        await queueMail(tx, [mail(to)]);
        throw new Error("the mutation failed");
      }),
    ).rejects.toThrow("the mutation failed");
    expect(await db().outgoingEmail.count({ where: { toAddress: to } })).toBe(0);
    await deliverOutbox(smtpSender(peer.url));
    expect(peer.received.some((m) => m.to.includes(to))).toBe(false);
  });

  it("delivers, with the same Message-ID, a message a crashed run had claimed but not sent", async () => {
    const to = uniqueEmail("crash");
    await db().$transaction((tx) => queueMail(tx, [mail(to)]));
    const now = new Date();
    // A run that claimed the row and died before sending: attempts counted, lease taken.
    await db().outgoingEmail.updateMany({ where: { toAddress: to }, data: { attempts: 1, nextAttemptAt: new Date(now.getTime() + LEASE_MS) } });
    await deliverOutbox(smtpSender(peer.url), now);
    expect(peer.received.some((m) => m.to.includes(to))).toBe(false);

    await deliverOutbox(smtpSender(peer.url), new Date(now.getTime() + LEASE_MS + 1000));
    const got = await peer.waitFor(to);
    const row = await db().outgoingEmail.findFirstOrThrow({ where: { toAddress: to } });
    expect(got.headers.get("message-id")).toBe(row.messageId);
    expect(row).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("retries a refused message with backoff, records the error, and gives up after the last attempt", async () => {
    const to = uniqueEmail("retry");
    await db().$transaction((tx) => queueMail(tx, [mail(to)]));
    const now = new Date();
    peer.state.reject = true;
    try {
      await deliverOutbox(smtpSender(peer.url), now);
    } finally {
      peer.state.reject = false;
    }
    const refused = await db().outgoingEmail.findFirstOrThrow({ where: { toAddress: to } });
    expect(refused).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(refused.lastError).toMatch(/451/);
    expect(refused.nextAttemptAt.getTime()).toBe(now.getTime() + 30_000);

    await deliverOutbox(smtpSender(peer.url), new Date(now.getTime() + 10_000));
    expect(peer.received.some((m) => m.to.includes(to))).toBe(false);
    await deliverOutbox(smtpSender(peer.url), new Date(now.getTime() + 31_000));
    await peer.waitFor(to);

    await db().$transaction((tx) => queueMail(tx, [mail(`gives-up-${to}`)]));
    await db().outgoingEmail.updateMany({ where: { toAddress: `gives-up-${to}` }, data: { attempts: MAX_ATTEMPTS - 1, nextAttemptAt: now } });
    const dead = smtpSender("smtp://127.0.0.1:1");
    await deliverOutbox(dead, now);
    const failed = await db().outgoingEmail.findFirstOrThrow({ where: { toAddress: `gives-up-${to}` } });
    expect(failed).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS });
    expect(failed.lastError).toBeTruthy();
  });

  it("keeps mail in the outbox when no SMTP server is configured", async () => {
    const to = uniqueEmail("kept");
    await db().$transaction((tx) => queueMail(tx, [mail(to)]));
    await deliverOutbox(null);
    expect(await db().outgoingEmail.findFirstOrThrow({ where: { toAddress: to } })).toMatchObject({ status: "KEPT", lastError: KEPT_MESSAGE });
  });
});

describe("notifications by e-mail", () => {
  async function verifiedTeam() {
    const { team, owner } = await createTeamWith();
    await db().user.update({ where: { id: owner.userId }, data: { emailVerified: new Date() } });
    return { team, owner };
  }
  const notice = (userId: string, teamId: string, kind: NotificationInput["kind"] = "review.requested"): NotificationInput => ({
    userId,
    teamId,
    kind,
    dedupeKey: `k-${randomUUID()}`,
    message: "Please review INC-1 <script>",
    href: "/t/x/incidents/1",
  });

  it("e-mails a new notification once, to a verified address, per the user's choice for the kind", async () => {
    const { team, owner } = await verifiedTeam();
    const first = notice(owner.userId, team.id);
    await inAppNotifier.notify([first]);
    await inAppNotifier.notify([first]);
    expect(await db().notification.count({ where: { userId: owner.userId } })).toBe(1);
    const mails = await db().outgoingEmail.findMany({ where: { userId: owner.userId } });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ teamId: team.id, kind: "review.requested", subject: "[Test Team] Please review INC-1 <script>" });
    expect(mails[0]!.html).toContain("&lt;script&gt;");

    await db().notificationPreference.create({ data: { userId: owner.userId, kind: "task.assigned", channel: "IN_APP" } });
    await db().notificationPreference.create({ data: { userId: owner.userId, kind: "task.overdue", channel: "OFF" } });
    await inAppNotifier.notify([notice(owner.userId, team.id, "task.assigned"), notice(owner.userId, team.id, "task.overdue")]);
    expect(await db().notification.findMany({ where: { userId: owner.userId }, select: { kind: true }, orderBy: { createdAt: "asc" } })).toEqual([
      { kind: "review.requested" },
      { kind: "task.assigned" },
    ]);
    expect(await db().outgoingEmail.count({ where: { userId: owner.userId } })).toBe(1);
  });

  it("does not e-mail an unverified address", async () => {
    const { team, owner } = await createTeamWith();
    await inAppNotifier.notify([notice(owner.userId, team.id)]);
    expect(await db().notification.count({ where: { userId: owner.userId } })).toBe(1);
    expect(await db().outgoingEmail.count({ where: { userId: owner.userId } })).toBe(0);
  });
});

describe("incident announcements", () => {
  it("mail a declared SEV1 to members subscribed to SEV1, with the start in their zone and the incident's", async () => {
    const { team, owner, members } = await createTeamWith(["MEMBER", "ADMIN"]);
    const subscriber = members.MEMBER!.userId;
    const other = members.ADMIN!.userId;
    await db().user.updateMany({ where: { id: { in: [subscriber, other] } }, data: { emailVerified: new Date() } });
    await db().mailSettings.create({ data: { userId: subscriber, timeZone: "Asia/Tokyo", incidentSeverities: ["SEV1"] } });
    await db().mailSettings.create({ data: { userId: other, incidentSeverities: ["SEV3"] } });
    await declareIncident(owner.userId, { teamId: team.id, title: "Payments <down>", severity: "SEV1", timeZone: "Europe/Berlin" });
    const mails = await db().outgoingEmail.findMany({ where: { teamId: team.id, kind: "incident.declared" } });
    expect(mails.map((m) => m.userId)).toEqual([subscriber]);
    expect(mails[0]!.subject).toMatch(/^\[Test Team\] SEV1 INC-1 declared: Payments <down>$/);
    expect(mails[0]!.text).toMatch(/Started: .*GMT\+9 your time \(.*GMT\+[12] in the incident's zone, Europe\/Berlin\)/);
  });
});

describe("the daily digest", () => {
  it("collects a day's unread notifications into one mail a day, from 08:00 in the recipient's zone", async () => {
    const { team, owner } = await createTeamWith();
    await db().user.update({ where: { id: owner.userId }, data: { emailVerified: new Date() } });
    await db().mailSettings.create({ data: { userId: owner.userId, dailyDigest: true, timeZone: "America/New_York" } });
    await db().notificationPreference.create({ data: { userId: owner.userId, kind: "task.overdue", channel: "IN_APP" } });
    await inAppNotifier.notify([{ userId: owner.userId, teamId: team.id, kind: "task.overdue", dedupeKey: "d1", message: "Overdue: rotate keys", href: "/t/x/tasks/1" }]);
    const created = (await db().notification.findFirstOrThrow({ where: { userId: owner.userId } })).createdAt;
    // 07:30 in New York the next morning: too early; 08:30: sent; later the same day: not again.
    const day = new Date(created.getTime() + 60 * 60_000);
    const at = (hh: number, mm: number) => new Date(`${day.toISOString().slice(0, 10)}T${String(hh).padStart(2, "0")}:${String(mm).padStart(2, "0")}:00-05:00`);
    const morning = at(8, 30) > created ? at(8, 30) : new Date(at(8, 30).getTime() + 24 * 60 * 60_000);
    const early = new Date(morning.getTime() - 60 * 60_000);
    const digests = () => db().outgoingEmail.findMany({ where: { userId: owner.userId, kind: "digest" } });
    await queueDigests(early);
    expect(await digests()).toHaveLength(0);
    await queueDigests(morning);
    await queueDigests(new Date(morning.getTime() + 3 * 60 * 60_000));
    const sent = await digests();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain("Overdue: rotate keys");
    expect(sent[0]!.headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
  });
});

describe("unsubscribe tokens", () => {
  it("refuse a tampered token", () => {
    const token = unsubscribeToken("user-1", "task.overdue");
    expect(readUnsubscribeToken(token)).toEqual({ userId: "user-1", kind: "task.overdue" });
    const [body, mac] = token.split(".");
    const forged = Buffer.from(JSON.stringify(["user-2", "task.overdue"])).toString("base64url");
    expect(readUnsubscribeToken(`${forged}.${mac}`)).toBeNull();
    expect(readUnsubscribeToken(`${body}.x${mac!.slice(1)}`)).toBeNull();
    expect(readUnsubscribeToken("garbage")).toBeNull();
  });
});
