/**
 * 1 000 notification mails queued by one transaction (the Notifier, as a job would) → delivered
 * over SMTP to a local server: time, and that every one arrived once with its own Message-ID.
 * Then the same with the SMTP server refusing the first attempt of each, to show retries lose
 * nothing and duplicate nothing. Usage: `BENCH_DATABASE_URL=… npx tsx bench/mail-delivery.ts`
 * (a migrated database; it adds a team and 1 000 users). Never part of `npm test`.
 */
import { randomUUID } from "node:crypto";

const url = process.env.BENCH_DATABASE_URL;
if (!url) {
  console.error("Set BENCH_DATABASE_URL to a migrated database (npm run db:migrate with DATABASE_URL set to it).");
  process.exit(1);
}
process.env.DATABASE_URL = url;
process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret";

const { db } = await import("../lib/db");
const { inAppNotifier } = await import("../lib/notifications/notifier");
const { deliverOutbox } = await import("../lib/mail/deliver");
const { smtpSender } = await import("../lib/mail/transport");
const { startSmtpPeer } = await import("../lib/testing/smtp-peer");

const N = 1000;
const run = randomUUID().slice(0, 8);
const team = await db().team.create({ data: { name: "Mail bench", slug: `mail-bench-${run}` }, select: { id: true } });
await db().user.createMany({
  data: Array.from({ length: N }, (_, i) => ({ id: `mb-${run}-${i}`, name: `Reader ${i}`, email: `mb-${run}-${i}@bench.test`, emailVerified: new Date() })),
});
await db().membership.createMany({ data: Array.from({ length: N }, (_, i) => ({ teamId: team.id, userId: `mb-${run}-${i}` })) });

const peer = await startSmtpPeer();
const send = smtpSender(peer.url, "Hindsight <bench@hindsight.test>");

async function round(label: string, refuseFirst: boolean) {
  const key = `${label}-${randomUUID()}`;
  const queued = Date.now();
  await inAppNotifier.notify(
    Array.from({ length: N }, (_, i) => ({ userId: `mb-${run}-${i}`, teamId: team.id, kind: "task.assigned" as const, dedupeKey: key, message: `Bench ${label}-${run} ${i}`, href: "/" })),
  );
  const queueMs = Date.now() - queued;
  const before = peer.received.length;
  const started = Date.now();
  let now = new Date();
  if (refuseFirst) {
    peer.state.reject = true;
    await deliverOutbox(send, now);
    peer.state.reject = false;
    now = new Date(now.getTime() + 31_000);
  }
  await deliverOutbox(send, now);
  const ms = Date.now() - started;
  const got = peer.received.slice(before).filter((m) => (m.headers.get("subject") ?? "").includes(`Bench ${label}-${run} `));
  const ids = new Set(got.map((m) => m.headers.get("message-id")));
  const rows = await db().outgoingEmail.groupBy({ by: ["status"], where: { subject: { contains: `Bench ${label}-${run} ` }, toAddress: { endsWith: "@bench.test" } }, _count: true });
  console.log(
    `${label}: queued ${N} in ${queueMs} ms; delivered ${got.length} (${ids.size} distinct Message-IDs) in ${ms} ms = ${Math.round((got.length / ms) * 1000)}/s; rows ${JSON.stringify(rows.map((r) => [r.status, r._count]))}`,
  );
}

await round("plain", false);
await round("retried", true);
await peer.close();
await db().$disconnect();
