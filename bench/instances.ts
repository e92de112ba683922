/**
 * The incident list's throughput from one web instance vs two behind the loopback round-robin
 * proxy (lib/testing/round-robin-proxy.ts), in the same run, with a static file through the same
 * paths as the reference. Never part of `npm test`.
 *
 *   npx next build
 *   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/hindsight_bench_instances npx tsx bench/instances.ts
 *
 * The database must be migrated; a team with 200 incidents is added on each run. Web instances on
 * BENCH_PORT+1 and +2 (3164, 3165), the proxy on BENCH_PORT (3163); BENCH_SECONDS (5) per target,
 * BENCH_CONNECTIONS (8). Two instances can only beat one when there are idle cores for the second:
 * on a shared 2-core machine the ratio says more about the machine than about the app.
 */
import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import { createPrismaClient } from "../lib/db";
import { startRoundRobinProxy } from "../lib/testing/round-robin-proxy";
import { WEB_NODE_FLAGS } from "../scripts/lib/web-node-flags";
import { load, processStats, sessionCookie, type Load } from "./http-client";

const url = process.env.BENCH_DATABASE_URL;
if (!url) {
  console.error("Set BENCH_DATABASE_URL to a migrated database (npm run db:migrate with DATABASE_URL set to it).");
  process.exit(1);
}
process.env.DATABASE_URL = url;
const secret = process.env.NEXTAUTH_SECRET ?? "bench-secret-bench-secret-bench-secret";
process.env.NEXTAUTH_SECRET = secret;
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 8);
const proxyPort = Number(process.env.BENCH_PORT ?? 3163);
const webPorts = [proxyPort + 1, proxyPort + 2];

const { createTeamWith } = await import("../lib/testing/factories");
const { declareIncident } = await import("../lib/incidents/mutations");
const { db } = await import("../lib/db");
const ctx = await createTeamWith();
for (let i = 0; i < 200; i++) await declareIncident(ctx.owner.userId, { teamId: ctx.team.id, title: `Bench incident ${i}` });
const admin = createPrismaClient(url, 2);
const cookie = await sessionCookie(admin, ctx.owner.userId, secret);

function startWeb(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...WEB_NODE_FLAGS, "--import", "tsx", "scripts/web.ts"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATABASE_URL: url, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: `http://localhost:${proxyPort}`, HINDSIGHT_JOBS: "off" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("listening")) resolve(child);
    });
    child.on("exit", (code) => reject(new Error(`The server on ${port} exited (${code}).`)));
  });
}

const webs = await Promise.all(webPorts.map(startWeb));
const proxy = await startRoundRobinProxy(webPorts.map((port) => ({ host: "127.0.0.1", port })), proxyPort);
const one = new URL(`http://localhost:${webPorts[0]}`);
const two = new URL(`http://localhost:${proxyPort}`);
const list = `/t/${ctx.team.slug}/incidents`;

const cpu = () => webs.map((w) => processStats(w.pid!).cpuSeconds);
type Row = { name: string; result: Load; cpu: number[] };
async function measure(name: string, base: URL, path: string, headers: Record<string, string> = {}): Promise<Row> {
  const before = cpu();
  const result = await load(base, path, connections, seconds, headers);
  const after = cpu();
  return { name, result, cpu: after.map((value, i) => value - before[i]!) };
}

// Both instances warmed alike (JIT, first renders), so neither run starts cold.
for (const port of webPorts) await load(new URL(`http://localhost:${port}`), list, connections, 2, { cookie });

const rows: Row[] = [];
rows.push(await measure("static file, one instance", one, "/favicon.svg"));
rows.push(await measure("static file, two behind the proxy", two, "/favicon.svg"));
rows.push(await measure("incident list, one instance", one, list, { cookie }));
rows.push(await measure("incident list, two behind the proxy", two, list, { cookie }));

const [loadavg1] = os.loadavg();
console.log(`\n${connections} connections, ${seconds} s per target, ${os.cpus().length} cores, load average ${loadavg1!.toFixed(2)} before the run's end (${new Date().toISOString()})`);
console.log("| target | req/s | p50 ms | p95 ms | errors | CPU s instance 1 / 2 |\n|---|---:|---:|---:|---:|---:|");
for (const { name, result, cpu: used } of rows) {
  console.log(`| ${name} | ${result.rps.toFixed(1)} | ${result.p50.toFixed(1)} | ${result.p95.toFixed(1)} | ${result.errors} | ${used.map((s) => s.toFixed(1)).join(" / ")} |`);
}
const ratio = rows[3]!.result.rps / rows[2]!.result.rps;
console.log(`\nIncident list, two instances / one: ${ratio.toFixed(2)}× (static file through the proxy / direct: ${(rows[1]!.result.rps / rows[0]!.result.rps).toFixed(2)}×).`);

await proxy.close();
for (const web of webs) web.kill("SIGTERM");
await admin.$disconnect();
await db().$disconnect();
