/**
 * Outbound delivery throughput: 1 000 team events, each fanned out to a webhook endpoint and a
 * chat destination (2 000 deliveries), delivered to a receiver on loopback that refuses every
 * 20th message once (so retries are part of the run). Prints the time taken and checks that
 * every message arrived, none twice after a 2xx. Usage: `npx tsx bench/notifications.ts` with
 * BENCH_DATABASE_URL (a migrated database). Never part of `npm test`.
 */
import { performance } from "node:perf_hooks";

const url = process.env.BENCH_DATABASE_URL;
if (!url) {
  console.error("Set BENCH_DATABASE_URL to a migrated database.");
  process.exit(1);
}
process.env.DATABASE_URL = url;
process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret";

const { db } = await import("../lib/db");
const { recordTeamEvent } = await import("../lib/outbound/events");
const { runOutbound } = await import("../lib/outbound/run");
const { parseAllowList } = await import("../lib/net/address-policy");
const { newWebhookSecret } = await import("../lib/webhooks/signing");
const { startReceiver } = await import("../lib/testing/loopback-receiver");
const { inAppNotifier } = await import("../lib/notifications/notifier");

const EVENTS = 1000;
const seen = new Map<string, { count: number; refusedFirst: boolean }>();
let refusedOnce = 0;
const receiver = await startReceiver((request) => {
  const n = Number(/#(\d+)/.exec(request.body)?.[1] ?? 0);
  const key = request.path.startsWith("/hook") ? `hook:${request.headers["webhook-id"]}` : `chat:${n}`;
  const count = (seen.get(key)?.count ?? 0) + 1;
  seen.set(key, { count, refusedFirst: n % 20 === 0 });
  if (count === 1 && n % 20 === 0) {
    refusedOnce++;
    return { status: 503 };
  }
  return { status: 200, body: "ok" };
});

const stamp = Date.now().toString(36);
const team = await db().team.create({ data: { name: "Bench notifications", slug: `bench-notify-${stamp}`, timeZone: "UTC" }, select: { id: true } });
await db().webhookEndpoint.create({ data: { teamId: team.id, url: `${receiver.url}/hook`, secret: newWebhookSecret(), events: [] } });
await db().chatDestination.create({ data: { teamId: team.id, name: "bench", platform: "MATTERMOST", webhookUrl: `${receiver.url}/chat`, events: ["declared"], severities: [] } });

const incident = { id: "bench", number: 1, ref: "INC-1", title: "", severity: "SEV2", status: "INVESTIGATING", commander: null, url: "http://localhost/t/bench/incidents/1" };
let started = performance.now();
for (let i = 1; i <= EVENTS; i++) {
  await db().$transaction((tx) => recordTeamEvent(tx, { teamId: team.id, type: "incident.declared", data: { incident: { ...incident, id: `bench-${stamp}-${i}`, title: `Bench incident #${i}` } } }));
}
const recordMs = performance.now() - started;

const options = { policy: parseAllowList("127.0.0.0/8"), slackApiUrl: "http://127.0.0.1:1" };
started = performance.now();
let now = new Date();
let passes = 0;
for (;;) {
  const result = await runOutbound(now, inAppNotifier, options);
  passes++;
  if (!result.nextDueAt) break;
  // Time is moved, not waited for: retries fall due as soon as the pass ends.
  now = new Date(Math.max(now.getTime() + 1, result.nextDueAt.getTime()));
}
const deliverMs = performance.now() - started;

const deliveries = await db().outboundDelivery.groupBy({ by: ["status"], where: { teamId: team.id }, _count: true });
const hooks = [...seen.entries()].filter(([k]) => k.startsWith("hook:"));
const chats = [...seen.entries()].filter(([k]) => k.startsWith("chat:"));
const resentAfter2xx = [...seen.values()].filter((v) => v.count > (v.refusedFirst ? 2 : 1)).length;
console.log(`Recorded ${EVENTS} events in their own transactions: ${(recordMs / 1000).toFixed(2)} s (${(EVENTS / (recordMs / 1000)).toFixed(0)}/s)`);
console.log(`Delivered in ${passes} worker passes: ${(deliverMs / 1000).toFixed(2)} s for ${EVENTS * 2} deliveries (${((EVENTS * 2) / (deliverMs / 1000)).toFixed(0)}/s), ${refusedOnce} refused once and retried`);
console.log(`Webhook ids received: ${hooks.length}/${EVENTS}; chat messages received: ${chats.length}/${EVENTS}; resent after a 2xx: ${resentAfter2xx}`);
console.log(`Delivery rows: ${deliveries.map((d) => `${d.status} ${d._count}`).join(", ")}`);
await receiver.close();
await db().team.delete({ where: { id: team.id } });
const lost = EVENTS - hooks.length + (EVENTS - chats.length);
process.exit(lost === 0 && resentAfter2xx === 0 ? 0 : 1);
