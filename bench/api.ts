/**
 * Throughput of the REST API over HTTP next to a static file and the incident list page, measured
 * in the same run: GET the incident list (25 of 300 incidents), one incident, and the OpenAPI
 * document; then POST timeline events with new Idempotency-Keys, and replays of a stored one. Never part
 * of `npm test`.
 *
 *   npx next build
 *   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/hindsight_bench_api npx tsx bench/api.ts
 *
 * The database must be migrated. Starts its own production server (scripts/web.ts) on BENCH_PORT
 * (3204). Requests rotate over 40 tokens so the per-token limit (600 a minute) does not refuse
 * them; BENCH_SECONDS (5) per target, BENCH_CONNECTIONS (8).
 */
import http from "node:http";
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { randomUUID } from "node:crypto";
import { WEB_NODE_FLAGS } from "../scripts/lib/web-node-flags";
import { get, sessionCookie } from "./http-client";

const url = process.env.BENCH_DATABASE_URL;
if (!url) {
  console.error("Set BENCH_DATABASE_URL to a migrated database.");
  process.exit(1);
}
process.env.DATABASE_URL = url;
const secret = process.env.NEXTAUTH_SECRET ?? "bench-secret-bench-secret-bench-secret";
process.env.NEXTAUTH_SECRET = secret;
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 8);
const port = Number(process.env.BENCH_PORT ?? 3204);
const base = new URL(`http://localhost:${port}`);

// Imported after DATABASE_URL is set: lib/db reads it on first use.
const { db } = await import("../lib/db");
const { declareIncident } = await import("../lib/incidents/mutations");
const { createPersonalToken } = await import("../lib/api/tokens/mutations");

const owner = await db().user.create({ data: { name: "Bench", email: `bench-${randomUUID()}@example.test` }, select: { id: true } });
const slug = `bench-${randomUUID().slice(0, 8)}`;
const team = await db().team.create({ data: { name: "Bench", slug, memberships: { create: { userId: owner.id, role: "OWNER" } } }, select: { id: true } });
for (let i = 0; i < 300; i++) await declareIncident(owner.id, { teamId: team.id, title: `Bench incident ${i}`, services: [`svc-${i % 7}`] });
const tokens: string[] = [];
for (let i = 0; i < 40; i++) tokens.push((await createPersonalToken(owner.id, { name: `bench ${i}`, expiresIn: "7", scopes: [`${team.id}:WRITE`] })).secret);
const cookie = await sessionCookie(db(), owner.id, secret);

const server = spawn(process.execPath, ["--import", "tsx", ...WEB_NODE_FLAGS, "scripts/web.ts"], {
  env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATABASE_URL: url, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: base.origin, HINDSIGHT_JOBS: "off" },
  stdio: "ignore",
});
for (let ready = false; !ready; ) {
  await new Promise((r) => setTimeout(r, 500));
  ready = await fetch(`${base.origin}/favicon.svg`).then((r) => r.ok, () => false);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
type Row = { name: string; rps: number; p50: number; p95: number; errors: number };

function post(path: string, body: string, headers: Record<string, string>, agent: http.Agent): Promise<{ status: number; ms: number }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request({ host: base.hostname, port: base.port, path, method: "POST", agent, headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - start }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

/** `connections` clients back to back for `seconds`; request n uses token n mod 40. */
async function run(name: string, once: (n: number, agent: http.Agent) => Promise<{ status: number; ms: number }>, ok: number): Promise<Row> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  for (let i = 0; i < 3; i++) await once(i, agent);
  const samples: number[] = [];
  let errors = 0;
  let n = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const result = await once(n++, agent).catch(() => null);
        if (result?.status === ok) samples.push(result.ms);
        else errors++;
      }
    }),
  );
  agent.destroy();
  samples.sort((a, b) => a - b);
  return { name, rps: samples.length / ((performance.now() - started) / 1000), p50: percentile(samples, 50), p95: percentile(samples, 95), errors };
}

const bearer = (n: number) => ({ authorization: `Bearer ${tokens[n % tokens.length]}` });
const api = `/api/v1/teams/${slug}`;
const rows: Row[] = [];
try {
  rows.push(await run("static file /favicon.svg", (_n, agent) => get(base, "/favicon.svg", agent), 200));
  rows.push(await run("incident list page (session)", (_n, agent) => get(base, `/t/${slug}/incidents`, agent, { cookie }), 200));
  rows.push(await run("GET /incidents (25 of 300)", (n, agent) => get(base, `${api}/incidents`, agent, bearer(n)), 200));
  rows.push(await run("GET /incidents?q=bench&status=INVESTIGATING", (n, agent) => get(base, `${api}/incidents?q=bench&status=INVESTIGATING`, agent, bearer(n)), 200));
  rows.push(await run("GET /incidents/150", (n, agent) => get(base, `${api}/incidents/150`, agent, bearer(n)), 200));
  rows.push(await run("GET /openapi.json", (_n, agent) => get(base, "/api/v1/openapi.json", agent), 200));
  rows.push(await run("POST /incidents/1/events (new Idempotency-Key)", (n, agent) => post(`${api}/incidents/1/events`, JSON.stringify({ body: `Event ${n}` }), { ...bearer(n), "idempotency-key": randomUUID() }, agent), 201));
  const replayAgent = new http.Agent({ keepAlive: true });
  for (let i = 0; i < tokens.length; i++) await post(`${api}/incidents/1/events`, JSON.stringify({ body: "Once" }), { ...bearer(i), "idempotency-key": "replay" }, replayAgent);
  replayAgent.destroy();
  rows.push(await run("POST replayed (same key and body)", (n, agent) => post(`${api}/incidents/1/events`, JSON.stringify({ body: "Once" }), { ...bearer(n), "idempotency-key": "replay" }, agent), 201));
} finally {
  server.kill();
}
const staticRps = rows[0]?.rps ?? 1;
console.log(`\n${connections} connections, ${seconds} s each, ${new Date().toISOString()}`);
console.log("| target | req/s | of static | p50 ms | p95 ms | errors |\n|---|---:|---:|---:|---:|---:|");
for (const r of rows) console.log(`| ${r.name} | ${r.rps.toFixed(0)} | ${((r.rps / staticRps) * 100).toFixed(0)} % | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.errors} |`);
const once = await db().timelineEvent.count({ where: { teamId: team.id, body: "Once" } });
console.log(`\n"Once" events stored: ${once} for ${tokens.length} tokens (replays created none).`);
await db().$disconnect();
