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
import { startReceiver, type ReceivedRequest } from "@/lib/testing/loopback-receiver";
import { CHAT_SHAPES, slackMessage } from "@/lib/testing/chat-shapes";
import type { z } from "zod";

/* One file on purpose: every run works the whole queue, so these tests must not run beside each other. */
const POLICY = parseAllowList("127.0.0.0/8");
const LOOPBACK: SendOptions = { policy: POLICY, slackApiUrl: "http://127.0.0.1:1/unused" };

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

function shapeChecker(schema: z.ZodType, ok: { status: number; body?: string }) {
  return (request: ReceivedRequest) => {
    const parsed = schema.safeParse(JSON.parse(request.body));
    return parsed.success ? ok : { status: 400, body: JSON.stringify(parsed.error.issues) };
  };
}

async function team() {
  return createTeamWith();
}

describe("chat destinations", () => {
  it.each(Object.keys(CHAT_SHAPES) as (keyof typeof CHAT_SHAPES)[])("posts a declared SEV1 to %s in the platform's documented shape", async (platform) => {
    const { schema, ok } = CHAT_SHAPES[platform];
    const fake = await startReceiver(shapeChecker(schema, ok));
    closers.push(fake.close);
    const { team: t, owner } = await team();
    const destination = await db().chatDestination.create({ data: { teamId: t.id, name: platform, platform, webhookUrl: `${fake.url}/hook`, events: ["declared"], severities: [] } });
    const incident = await declareIncident(owner.userId, { teamId: t.id, title: "Payments <failing> & slow", severity: "SEV1" });
    await runOutbound(new Date(), inAppNotifier, { policy: POLICY, slackApiUrl: "http://127.0.0.1:1" });
    expect(fake.received).toHaveLength(1);
    const delivery = await db().outboundDelivery.findFirstOrThrow({ where: { chatDestinationId: destination.id } });
    expect(delivery.lastResponse + delivery.lastError).toBe(ok.body ?? "");
    expect(delivery.status).toBe("DELIVERED");
    const body = fake.received[0]!.body;
    expect(body).toContain(`INC-${incident.number}`);
    expect(body).toContain("SEV1");
    expect(body).toContain("Investigating");
    expect(body).toContain("Owner"); // the commander
    expect(body).toContain(`/t/${t.slug}/incidents/${incident.number}`);
  });

  it("follows the destination's rules: only chosen events for chosen severities", async () => {
    const fake = await startReceiver();
    closers.push(fake.close);
    const { team: t, owner } = await team();
    await db().chatDestination.create({ data: { teamId: t.id, name: "sev1 only", platform: "DISCORD", webhookUrl: `${fake.url}/hook`, events: ["resolved", "changed"], severities: ["SEV1"] } });
    const minor = await declareIncident(owner.userId, { teamId: t.id, title: "Minor", severity: "SEV3" });
    await updateIncident(owner.userId, { teamId: t.id, incidentId: minor.id, version: 1, status: "RESOLVED" });
    const major = await declareIncident(owner.userId, { teamId: t.id, title: "Major", severity: "SEV2" });
    await updateIncident(owner.userId, { teamId: t.id, incidentId: major.id, version: 1, summary: "only the summary changed" });
    await updateIncident(owner.userId, { teamId: t.id, incidentId: major.id, version: 2, severity: "SEV1" });
    await runOutbound(new Date(), inAppNotifier, { policy: POLICY, slackApiUrl: "http://127.0.0.1:1" });
    expect(fake.received.map((r) => (JSON.parse(r.body) as { content: string }).content)).toEqual([`INC-${major.number} severity SEV2 → SEV1`]);
  });

  it("Slack bot mode posts once and updates the same message (same ts) when the incident is resolved", async () => {
    const calls: { method: string; body: Record<string, unknown> }[] = [];
    const slack = await startReceiver((request) => {
      if (request.headers.authorization !== "Bearer xoxb-test-token") return { status: 200, body: JSON.stringify({ ok: false, error: "invalid_auth" }) };
      const body = JSON.parse(request.body) as Record<string, unknown>;
      const method = request.path.replace("/api/", "");
      calls.push({ method, body });
      if (!slackMessage.safeParse(body).success || body.channel === undefined) return { status: 200, body: JSON.stringify({ ok: false, error: "invalid_arguments" }) };
      if (method === "chat.postMessage") return { status: 200, body: JSON.stringify({ ok: true, channel: "C0INCIDENTS", ts: "1764500000.000100" }) };
      if (method === "chat.update") return { status: 200, body: JSON.stringify(body.ts === "1764500000.000100" ? { ok: true, channel: body.channel, ts: body.ts } : { ok: false, error: "message_not_found" }) };
      return { status: 404, body: "unknown method" };
    });
    closers.push(slack.close);
    const options: SendOptions = { policy: POLICY, slackApiUrl: `${slack.url}/api` };
    const { team: t, owner } = await team();
    await db().chatDestination.create({ data: { teamId: t.id, name: "#incidents", platform: "SLACK_BOT", botToken: "xoxb-test-token", channel: "#incidents", events: ["declared", "changed", "resolved"], severities: ["SEV1"] } });
    const incident = await declareIncident(owner.userId, { teamId: t.id, title: "Database down", severity: "SEV1" });
    await updateIncident(owner.userId, { teamId: t.id, incidentId: incident.id, version: 1, status: "MONITORING" });
    await updateIncident(owner.userId, { teamId: t.id, incidentId: incident.id, version: 2, status: "RESOLVED" });
    await runOutbound(new Date(), inAppNotifier, options);
    expect(calls.map((c) => c.method)).toEqual(["chat.postMessage", "chat.update", "chat.update"]);
    expect(calls[0]!.body.channel).toBe("#incidents");
    expect(calls.slice(1).map((c) => [c.body.channel, c.body.ts])).toEqual([["C0INCIDENTS", "1764500000.000100"], ["C0INCIDENTS", "1764500000.000100"]]);
    expect(String(calls[2]!.body.text)).toContain(`INC-${incident.number} resolved`);
  });

  it("posts a fresh Slack message when the incident's message was deleted", async () => {
    const methods: string[] = [];
    const slack = await startReceiver((request) => {
      const method = request.path.replace("/api/", "");
      methods.push(method);
      const ts = `1764500000.00030${methods.length}`;
      return { status: 200, body: JSON.stringify(method === "chat.update" ? { ok: false, error: "message_not_found" } : { ok: true, channel: "C0DELETED", ts }) };
    });
    closers.push(slack.close);
    const options: SendOptions = { policy: POLICY, slackApiUrl: `${slack.url}/api` };
    const { team: t, owner } = await team();
    const destination = await db().chatDestination.create({ data: { teamId: t.id, name: "#ops", platform: "SLACK_BOT", botToken: "xoxb-test-token", channel: "#ops", events: ["declared", "resolved"], severities: [] } });
    const incident = await declareIncident(owner.userId, { teamId: t.id, title: "Deleted message", severity: "SEV2" });
    await runOutbound(new Date(), inAppNotifier, options);
    await updateIncident(owner.userId, { teamId: t.id, incidentId: incident.id, version: 1, status: "RESOLVED" });
    await runOutbound(new Date(), inAppNotifier, options);
    expect(methods).toEqual(["chat.postMessage", "chat.update", "chat.postMessage"]);
    expect(await db().chatMessageRef.findUniqueOrThrow({ where: { destinationId_incidentId: { destinationId: destination.id, incidentId: incident.id } } })).toMatchObject({ ts: "1764500000.000303" });
    expect(await db().outboundDelivery.count({ where: { chatDestinationId: destination.id, status: "DELIVERED" } })).toBe(2);
  });

  it("logs Slack's ok:false answer as a failure and retries", async () => {
    const slack = await startReceiver(() => ({ status: 200, body: JSON.stringify({ ok: false, error: "invalid_auth" }) }));
    closers.push(slack.close);
    const { team: t, owner } = await team();
    const destination = await db().chatDestination.create({ data: { teamId: t.id, name: "bad token", platform: "SLACK_BOT", botToken: "xoxb-wrong", channel: "C1", events: ["declared"], severities: [] } });
    await declareIncident(owner.userId, { teamId: t.id, title: "Bad token", severity: "SEV2" });
    await runOutbound(new Date(), inAppNotifier, { policy: POLICY, slackApiUrl: `${slack.url}/api` });
    const delivery = await db().outboundDelivery.findFirstOrThrow({ where: { chatDestinationId: destination.id } });
    expect(delivery).toMatchObject({ status: "PENDING", attempts: 1, lastError: "Slack chat.postMessage failed: invalid_auth." });
  });
});
