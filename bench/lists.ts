/**
 * Throughput of the list pages over HTTP, each next to a static file measured in the same run:
 * incident list, its 50th page (keyset), search for a common and a rare term, filters, the task
 * board, My tasks and the postmortems list. Prints req/s, p50/p95 latency, the ratio to the static
 * file, and the server's RSS before and after the load. Never part of `npm test`.
 *
 *   npx next build   # the production build the server runs
 *   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/hindsight_bench_lists npx tsx bench/lists.ts
 *
 * The database must be migrated; it is filled with the 100 k-incident volume on first run, then
 * VACUUM ANALYZEd (autovacuum is off on our machines, and the planner needs statistics).
 * Starts its own production server (scripts/web.ts, with the flags scripts/start.ts gives it) on BENCH_PORT (3202) unless BENCH_URL and
 * BENCH_PID name a running one; BENCH_APP_DIR runs another checkout's build (a "before" run).
 * BENCH_SECONDS (5) per target, BENCH_CONNECTIONS (8); BENCH_NODE_FLAGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") for the server.
 */
import http from "node:http";
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { encode } from "next-auth/jwt";
import { createPrismaClient } from "../lib/db";
import { encodeCursor } from "../lib/pagination";
import { WEB_NODE_FLAGS } from "../scripts/lib/web-node-flags";
import { BENCH_VOLUME, seedVolume } from "./volume";

const url = process.env.BENCH_DATABASE_URL;
if (!url) {
  console.error("Set BENCH_DATABASE_URL to a migrated database (npm run db:migrate with DATABASE_URL set to it).");
  process.exit(1);
}
const secret = process.env.NEXTAUTH_SECRET ?? "bench-secret-bench-secret-bench-secret";
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 8);
const port = Number(process.env.BENCH_PORT ?? 3202);
const base = new URL(process.env.BENCH_URL ?? `http://localhost:${port}`);

const admin = createPrismaClient(url, 2);
if ((await admin.incident.count({ where: { teamId: { startsWith: "vol-team-" } } })) === 0) {
  console.log("Seeding the 100 k-incident volume…");
  await seedVolume(admin, BENCH_VOLUME);
}
// VACUUM refreshes the visibility map (index-only scans) and ANALYZE the statistics.
for (const table of ["Incident", "TimelineEvent", "IncidentService", "Task", "Postmortem", "Membership", "UserSession", "Notification"]) {
  await admin.$executeRawUnsafe(`VACUUM (ANALYZE) "${table}"`);
}
console.log("Ran VACUUM (ANALYZE) on the grown tables (autovacuum is off here).");

const team = "vol-team-7";
const userId = "vol-user-31";
const session = await admin.userSession.create({ data: { userId, userAgent: "bench/lists", expiresAt: new Date(Date.now() + 86_400_000) }, select: { id: true } });
const cookieName = base.protocol === "https:" ? "__Secure-next-auth.session-token" : "next-auth.session-token";
const cookie = `${cookieName}=${await encode({ token: { sub: userId, sid: session.id, email: "vol-31@volume.test", name: "Volume User 31" }, secret, maxAge: 86_400 })}`;
const [page50] = await admin.$queryRaw<{ startedAt: Date; id: string }[]>`
  SELECT "startedAt", id FROM "Incident" WHERE "teamId" = ${team} ORDER BY "startedAt" DESC, id DESC OFFSET ${49 * 25 - 1} LIMIT 1`;
const after = encodeCursor({ at: page50!.startedAt.toISOString(), id: page50!.id });

let server: ChildProcess | null = null;
let pid = Number(process.env.BENCH_PID ?? 0);
if (!process.env.BENCH_URL) {
  const flags = [...WEB_NODE_FLAGS, ...(process.env.BENCH_NODE_FLAGS ?? "").split(" ").filter(Boolean)];
  server = spawn(process.execPath, ["--import", "tsx", ...flags, "scripts/web.ts"], {
    // Jobs off: the reminder and digest jobs over the volume's 500 000 tasks would share the CPU being measured.
    env: { ...process.env, NODE_ENV: "production", HINDSIGHT_JOBS: "off", PORT: String(port), DATABASE_URL: url, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: base.origin },
    cwd: process.env.BENCH_APP_DIR ?? process.cwd(),
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  await new Promise<void>((resolve, reject) => {
    server!.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("listening")) resolve();
    });
    server!.on("exit", (code) => reject(new Error(`The server exited (${code}).`)));
  });
  pid = server.pid!;
}

function rssMb(): string {
  if (!pid) return "?";
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"));
  return line ? (Number(line.replace(/\D+/g, "")) / 1024).toFixed(0) : "?";
}

const agent = new http.Agent({ keepAlive: true, maxSockets: connections });

function get(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: base.hostname, port: base.port, path, agent, headers: { cookie } }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    request.on("error", reject);
  });
}

type Result = { name: string; rps: number; p50: number; p95: number; errors: number; cpuMs: number };

/** The server's CPU time so far (user + system), in ms: per request, it does not depend on how busy the machine is. */
function serverCpuMs(): number {
  if (!pid) return Number.NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function run(name: string, path: string): Promise<Result> {
  for (let i = 0; i < 3; i++) {
    const status = await get(path);
    if (status !== 200) throw new Error(`${path} answered ${status}`);
  }
  const samples: number[] = [];
  let errors = 0;
  const cpuBefore = serverCpuMs();
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const start = performance.now();
        const code = await get(path).catch(() => 0);
        if (code === 200) samples.push(performance.now() - start);
        else {
          errors++;
          if (errors <= 3) console.error(`${path}: ${code || "connection error"}`);
        }
      }
    }),
  );
  const cpuMs = (serverCpuMs() - cpuBefore) / Math.max(1, samples.length + errors);
  samples.sort((a, b) => a - b);
  return { name, rps: samples.length / seconds, p50: percentile(samples, 50), p95: percentile(samples, 95), errors, cpuMs };
}

const t = `/t/${team}`;
const targets: [string, string][] = [
  ["incident list, first page", `${t}/incidents`],
  ["incident list, 50th page (keyset)", `${t}/incidents?after=${after}`],
  ["search, common term", `${t}/incidents?q=database`],
  ["search, rare term (no match)", `${t}/incidents?q=zeppelin`],
  ["filters (status + severity + dates)", `${t}/incidents?status=RESOLVED&severity=SEV2&from=2020-01-10&to=2020-03-01`],
  ["task board, open tasks", `${t}/tasks`],
  ["My tasks", `/my/tasks`],
  ["postmortems list", `${t}/postmortems`],
];

const rssBefore = rssMb();
const results: Result[] = [await run("static file", "/favicon.svg")];
for (const [name, path] of targets) results.push(await run(name, path));
results.push(await run("static file", "/favicon.svg"));
const rssAfter = rssMb();
await new Promise((resolve) => setTimeout(resolve, 10_000));
const rssIdle = rssMb();

const staticRps = Math.max(...results.filter((r) => r.name === "static file").map((r) => r.rps));
console.log(`\n${connections} connections, ${seconds} s per target, 100 k incidents (${new Date().toISOString()})`);
console.log("| target | req/s | p50 ms | p95 ms | % of static | server CPU ms/request | errors |\n|---|---:|---:|---:|---:|---:|---:|");
for (const r of results) {
  console.log(`| ${r.name} | ${r.rps.toFixed(1)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${((r.rps / staticRps) * 100).toFixed(1)} | ${r.cpuMs.toFixed(1)} | ${r.errors} |`);
}
console.log(`\nServer RSS: ${rssBefore} MB before, ${rssAfter} MB after the load, ${rssIdle} MB after 10 s idle.`);

agent.destroy();
await admin.userSession.delete({ where: { id: session.id } });
await admin.$disconnect();
if (server?.pid) process.kill(-server.pid, "SIGTERM");
