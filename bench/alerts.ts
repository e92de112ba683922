/**
 * Sustained alert deliveries against a running production server: accepted latency (p50/p99/max),
 * N sent = N stored, and one incident per Alertmanager group however many deliveries repeat it.
 * Never part of `npm test`.
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/hindsight_alerts_bench npm run db:migrate
 *   # a production server on that database (npm start, or scripts/web.ts after next build), then:
 *   BENCH_URL=http://localhost:3110 DATABASE_URL=…same… NEXTAUTH_SECRET=… npx tsx bench/alerts.ts
 *
 * BENCH_RATE deliveries a second (200), BENCH_SECONDS (30), BENCH_GROUPS per source (20),
 * BENCH_SOURCES (2: one source is limited to 120 deliveries a second, see lib/alerts/intake.ts).
 * Deliveries are sent open-loop (on schedule, not after the previous answer), so a slow server
 * shows up as latency rather than as a lower rate.
 */
import http from "node:http";
import { performance } from "node:perf_hooks";
import { randomUUID } from "node:crypto";
import { db } from "../lib/db";
import { createTeamWith } from "../lib/testing/factories";
import { createAlertSource } from "../lib/alerts/mutations";

const base = new URL(process.env.BENCH_URL ?? "http://localhost:3110");
const rate = Number(process.env.BENCH_RATE ?? 200);
const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const groups = Number(process.env.BENCH_GROUPS ?? 20);
const sourceCount = Number(process.env.BENCH_SOURCES ?? 2);
const DRAIN_TIMEOUT_MS = 120_000;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

function alertmanagerGroup(group: number): string {
  const alert = (instance: number) => ({
    status: "firing",
    labels: { alertname: `BenchAlert${group}`, severity: "warning", instance: `host-${instance}` },
    annotations: { summary: `Bench group ${group}` },
    startsAt: "2026-11-30T18:00:00Z",
    endsAt: "0001-01-01T00:00:00Z",
    generatorURL: "http://prometheus.example.com/graph",
    fingerprint: `bench-${group}-${instance}`,
  });
  return JSON.stringify({ version: "4", groupKey: `{}:{alertname="BenchAlert${group}"}`, truncatedAlerts: 0, status: "firing", receiver: "hindsight", alerts: [alert(1), alert(2)] });
}

function post(agent: http.Agent, path: string, secret: string, body: string): Promise<{ status: number; ms: number }> {
  const start = performance.now();
  return new Promise((resolve) => {
    const request = http.request(
      { host: base.hostname, port: base.port, path, method: "POST", agent, headers: { authorization: `Bearer ${secret}`, "content-type": "application/json", "idempotency-key": randomUUID(), "content-length": Buffer.byteLength(body) } },
      (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - start }));
      },
    );
    request.on("error", () => resolve({ status: 0, ms: performance.now() - start }));
    request.end(body);
  });
}

async function main() {
  const { team, owner } = await createTeamWith();
  const sources = [];
  for (let i = 0; i < sourceCount; i++) sources.push(await createAlertSource(owner.userId, { teamId: team.id, name: `Bench ${i + 1}`, format: "ALERTMANAGER", authMode: "BEARER" }));
  const bodies = Array.from({ length: groups }, (_, g) => alertmanagerGroup(g));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

  const total = Math.round(rate * seconds);
  const results: Promise<{ status: number; ms: number }>[] = [];
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const source = sources[i % sources.length]!;
    results.push(post(agent, `/api/alerts/${source.id}`, source.secret, bodies[Math.floor(i / sources.length) % groups]!));
  }
  const answers = await Promise.all(results);
  const sendSeconds = (performance.now() - started) / 1000;
  const byStatus = new Map<number, number>();
  for (const a of answers) byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
  const accepted = answers.filter((a) => a.status === 202).map((a) => a.ms).sort((a, b) => a - b);

  const drainStart = performance.now();
  const sourceIds = sources.map((s) => s.id);
  while ((await db().alertDelivery.count({ where: { sourceId: { in: sourceIds }, status: "PENDING" } })) > 0 && performance.now() - drainStart < DRAIN_TIMEOUT_MS) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const drainSeconds = (performance.now() - drainStart) / 1000;
  const stored = await db().alertDelivery.count({ where: { sourceId: { in: sourceIds } } });
  const processed = await db().alertDelivery.count({ where: { sourceId: { in: sourceIds }, status: "PROCESSED" } });
  const incidents = await db().incident.count({ where: { teamId: team.id } });
  const alerts = await db().alert.aggregate({ where: { sourceId: { in: sourceIds } }, _count: true, _sum: { count: true } });

  console.log(`\nAlert intake: ${total} deliveries at ${rate}/s for ${seconds} s to ${sourceCount} source(s), ${groups} Alertmanager groups each (2 alerts per group)`);
  console.log("| measure | value |\n|---|---:|");
  console.log(`| sent in | ${sendSeconds.toFixed(1)} s (${(total / sendSeconds).toFixed(0)}/s) |`);
  console.log(`| answers | ${[...byStatus].map(([s, n]) => `${s}: ${n}`).join(", ")} |`);
  console.log(`| accepted p50 / p99 / max | ${percentile(accepted, 50).toFixed(1)} / ${percentile(accepted, 99).toFixed(1)} / ${(accepted.at(-1) ?? 0).toFixed(1)} ms |`);
  console.log(`| stored / accepted | ${stored} / ${accepted.length} ${stored === accepted.length ? "(nothing lost)" : "(MISMATCH)"} |`);
  console.log(`| processed | ${processed} (drained ${drainSeconds.toFixed(1)} s after the last send) |`);
  console.log(`| incidents / groups | ${incidents} / ${groups * sourceCount} ${incidents === groups * sourceCount ? "(one per group)" : "(MISMATCH)"} |`);
  console.log(`| alerts, total count | ${alerts._count}, ${alerts._sum.count ?? 0} (expected ${groups * sourceCount * 2}, ${processed * 2}) |`);
  await db().$disconnect();
  agent.destroy();
  if (stored !== accepted.length || incidents !== groups * sourceCount) process.exitCode = 1;
}

await main();
