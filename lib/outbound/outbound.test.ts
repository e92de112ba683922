import { afterEach, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { db } from "@/lib/db";
import { inAppNotifier } from "@/lib/notifications/notifier";
import { parseAllowList } from "@/lib/net/address-policy";
import { declareIncident, updateIncident } from "@/lib/incidents/mutations";
import { recordTeamEvent } from "@/lib/outbound/events";
import { claimDue } from "@/lib/outbound/deliver";
import { runOutbound } from "@/lib/outbound/run";
import { MAX_ATTEMPTS, RETRY_DELAYS_MS, nextAttemptAt } from "@/lib/outbound/schedule";
import type { SendOptions } from "@/lib/outbound/outcome";
import { newWebhookSecret } from "@/lib/webhooks/signing";
import { createTeamWith } from "@/lib/testing/factories";
import { startReceiver } from "@/lib/testing/loopback-receiver";

const LOOPBACK: SendOptions = { policy: parseAllowList("127.0.0.0/8"), slackApiUrl: "http://127.0.0.1:1/unused" };

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function receiver(reply?: Parameters<typeof startReceiver>[0]) {
  const started = await startReceiver(reply);
  closers.push(started.close);
  return started;
}

async function teamWithEndpoint(url: string, events: string[] = []) {
  const { team, owner, members } = await createTeamWith(["ADMIN"]);
  const secret = newWebhookSecret();
  const endpoint = await db().webhookEndpoint.create({ data: { teamId: team.id, url, events, secret }, select: { id: true } });
  return { team, owner, members, secret, endpoint };
}

const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

describe("the backoff schedule", () => {
  it("spreads eight attempts over more than 24 hours, then stops", () => {
    const start = new Date("2026-01-01T00:00:00Z");
    let now = start;
    for (let attempts = 1; attempts < MAX_ATTEMPTS; attempts++) now = nextAttemptAt(attempts, now)!;
    expect(RETRY_DELAYS_MS.map((ms) => ms / 1000)).toEqual([5, 300, 1800, 7200, 18000, 36000, 36000]);
    expect(now.getTime() - start.getTime()).toBeGreaterThan(24 * 3600_000);
    expect(nextAttemptAt(MAX_ATTEMPTS, now)).toBeNull();
  });
});

describe("outbound webhook delivery", () => {
  it("delivers a declared incident to the endpoint, signed so the reference library verifies it", async () => {
    const hook = await receiver();
    const { team, owner, secret } = await teamWithEndpoint(`${hook.url}/hook`);
    const incident = await declareIncident(owner.userId, { teamId: team.id, title: "Checkout is down", severity: "SEV1" });
    await runOutbound(new Date(), inAppNotifier, LOOPBACK);
    const mine = hook.received.filter((r) => r.body.includes(incident.id));
    expect(mine).toHaveLength(1);
    const [request] = mine;
    const payload = new Webhook(secret).verify(request!.body, request!.headers as Record<string, string>) as { type: string; version: number; id: string; data: { incident: { ref: string; severity: string; title: string; url: string } } };
    expect(payload.type).toBe("incident.declared");
    expect(payload.version).toBe(1);
    expect(payload.id).toBe(request!.headers["webhook-id"]);
    expect(payload.data.incident).toMatchObject({ ref: `INC-${incident.number}`, severity: "SEV1", title: "Checkout is down" });
    expect(payload.data.incident.url).toMatch(new RegExp(`/t/${team.slug}/incidents/${incident.number}$`));
  });

  it("sends nothing for a mutation that rolled back", async () => {
    const hook = await receiver();
    const { team } = await teamWithEndpoint(`${hook.url}/hook`);
    await expect(
      db().$transaction(async (tx) => {
        await recordTeamEvent(tx, { teamId: team.id, type: "incident.declared", data: { message: "rolled back" } });
        throw new Error("the mutation failed after recording");
      }),
    ).rejects.toThrow("the mutation failed");
    await runOutbound(new Date(), inAppNotifier, LOOPBACK);
    expect(await db().teamEvent.count({ where: { teamId: team.id } })).toBe(0);
    expect(hook.received).toHaveLength(0);
  });

  it("retries with the same webhook-id until a 2xx, and never sends an acknowledged delivery again", async () => {
    const hook = await receiver((_request, index) => ({ status: index < 2 ? 503 : 200 }));
    const { team } = await teamWithEndpoint(`${hook.url}/hook`);
    const eventId = await db().$transaction((tx) => recordTeamEvent(tx, { teamId: team.id, type: "incident.declared", data: { message: "retry me" } }));
    const start = new Date();
    await runOutbound(start, inAppNotifier, LOOPBACK);
    await runOutbound(at(start, 1000), inAppNotifier, LOOPBACK); // not due yet
    expect(hook.received).toHaveLength(1);
    await runOutbound(at(start, 5_000), inAppNotifier, LOOPBACK);
    await runOutbound(at(start, 5_000 + 300_000), inAppNotifier, LOOPBACK);
    expect(hook.received.map((r) => r.headers["webhook-id"])).toEqual([eventId, eventId, eventId]);
    // Later runs, and two workers at once, find nothing left to send.
    await Promise.all([runOutbound(at(start, 40 * 3600_000), inAppNotifier, LOOPBACK), runOutbound(at(start, 40 * 3600_000), inAppNotifier, LOOPBACK)]);
    expect(hook.received).toHaveLength(3);
    const delivery = await db().outboundDelivery.findFirstOrThrow({ where: { eventId }, include: { attemptLog: { orderBy: { at: "asc" } } } });
    expect(delivery.status).toBe("DELIVERED");
    expect(delivery.attemptLog.map((a) => a.statusCode)).toEqual([503, 503, 200]);
    expect(delivery.attemptLog.every((a) => a.latencyMs >= 0)).toBe(true);
  });

  it("sends a delivery once when two workers run at the same moment", async () => {
    const hook = await receiver();
    const { team } = await teamWithEndpoint(`${hook.url}/hook`);
    await db().$transaction((tx) => recordTeamEvent(tx, { teamId: team.id, type: "incident.declared", data: { message: "race" } }));
    const now = new Date();
    await Promise.all([runOutbound(now, inAppNotifier, LOOPBACK), runOutbound(now, inAppNotifier, LOOPBACK), runOutbound(now, inAppNotifier, LOOPBACK)]);
    expect(hook.received).toHaveLength(1);
  });

  it("redelivers after a worker crashed holding a delivery, once its lease ran out", async () => {
    const hook = await receiver();
    const { team } = await teamWithEndpoint(`${hook.url}/hook`);
    const eventId = await db().$transaction((tx) => recordTeamEvent(tx, { teamId: team.id, type: "incident.declared", data: { message: "crash" } }));
    const start = new Date();
    await runOutbound(at(start, -1), inAppNotifier, { ...LOOPBACK, policy: parseAllowList("") }); // refused: schedules a retry
    await db().outboundDelivery.updateMany({ where: { eventId }, data: { nextAttemptAt: start } });
    expect(await claimDue(start, 500)).toContain((await db().outboundDelivery.findFirstOrThrow({ where: { eventId } })).id); // the "crashed" worker
    await runOutbound(at(start, 60_000), inAppNotifier, LOOPBACK);
    expect(hook.received).toHaveLength(0);
    await runOutbound(at(start, 3 * 60_000), inAppNotifier, LOOPBACK);
    expect(hook.received.map((r) => r.headers["webhook-id"])).toEqual([eventId]);
  });

  it("sends only the event types an endpoint chose", async () => {
    const hook = await receiver();
    const { team, owner } = await teamWithEndpoint(`${hook.url}/hook`, ["incident.resolved"]);
    const incident = await declareIncident(owner.userId, { teamId: team.id, title: "Only resolution", severity: "SEV2" });
    await updateIncident(owner.userId, { teamId: team.id, incidentId: incident.id, version: 1, status: "RESOLVED" });
    await runOutbound(new Date(), inAppNotifier, LOOPBACK);
    expect(hook.received.map((r) => (JSON.parse(r.body) as { type: string }).type)).toEqual(["incident.resolved"]);
  });

  it("disables an endpoint whose every attempt failed for more than a day, and tells the team's admins", async () => {
    const hook = await receiver(() => ({ status: 500, body: "down for maintenance" }));
    const { team, owner, members, endpoint } = await teamWithEndpoint(`${hook.url}/hook`);
    const eventId = await db().$transaction((tx) => recordTeamEvent(tx, { teamId: team.id, type: "incident.declared", data: { message: "nobody home" } }));
    let now = new Date();
    await runOutbound(now, inAppNotifier, LOOPBACK);
    for (const delay of RETRY_DELAYS_MS) {
      now = at(now, delay);
      await runOutbound(now, inAppNotifier, LOOPBACK);
    }
    expect(hook.received.map((r) => r.headers["webhook-id"])).toEqual(Array(MAX_ATTEMPTS).fill(eventId));
    const after = await db().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(after.enabled).toBe(false);
    expect(after.disabledReason).toMatch(/Disabled automatically/);
    const delivery = await db().outboundDelivery.findFirstOrThrow({ where: { eventId } });
    expect(delivery).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS, lastStatusCode: 500, lastResponse: "down for maintenance" });
    const told = await db().notification.findMany({ where: { teamId: team.id, kind: "outbound.disabled" }, select: { userId: true } });
    expect(told.map((n) => n.userId).sort()).toEqual([owner.userId, members.ADMIN!.userId].sort());
    // A disabled endpoint is sent nothing new.
    await db().$transaction((tx) => recordTeamEvent(tx, { teamId: team.id, type: "incident.declared", data: { message: "later" } }));
    await runOutbound(at(now, 1000), inAppNotifier, LOOPBACK);
    expect(hook.received).toHaveLength(MAX_ATTEMPTS);
  });

  it("refuses a loopback endpoint when no private range is allowed, and logs why", async () => {
    const hook = await receiver();
    const { team } = await teamWithEndpoint(`${hook.url}/hook`);
    const eventId = await db().$transaction((tx) => recordTeamEvent(tx, { teamId: team.id, type: "incident.declared", data: { message: "ssrf" } }));
    await runOutbound(new Date(), inAppNotifier, { ...LOOPBACK, policy: parseAllowList("") });
    expect(hook.received).toHaveLength(0);
    const delivery = await db().outboundDelivery.findFirstOrThrow({ where: { eventId } });
    expect(delivery.lastError).toMatch(/^Refused: 127\.0\.0\.1 points to a private or reserved address/);
  });
});
