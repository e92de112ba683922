/**
 * The incident page over HTTP against a running production server, side by side with a static file
 * in the same run: 500 and 5 000 events, 1 and 8 concurrent users; p50/p95, requests per second,
 * HTML size, throughput as a share of the static file's and of the incident list's, server RSS.
 *
 *   BENCH_DATABASE_URL=postgresql://…/hindsight_bench_perf   (seeded on first run, then ANALYZEd)
 *   BENCH_URL=http://localhost:3201 BENCH_SERVER_PID=<pid of scripts/web.ts> NEXTAUTH_SECRET=<the server's>
 *   npx tsx bench/incident-page.ts
 *
 * BENCH_SECONDS (default 4) per measurement. The server must use BENCH_DATABASE_URL as its
 * DATABASE_URL. PostgreSQL here runs with autovacuum off: seeding ends with ANALYZE.
 */
import { createPrismaClient } from "../lib/db";
import { ensurePageVolume, INCIDENT_500, INCIDENT_5000, PAGE_TEAM, PAGE_USER } from "./page-volume";
import { load, processStats, sessionCookie, type Load } from "./http-client";

const url = process.env.BENCH_DATABASE_URL;
const secret = process.env.NEXTAUTH_SECRET;
if (!url || !secret) {
  console.error("Set BENCH_DATABASE_URL (the server's database) and NEXTAUTH_SECRET (the server's).");
  process.exit(1);
}
const base = new URL(process.env.BENCH_URL ?? "http://localhost:3201");
const seconds = Number(process.env.BENCH_SECONDS ?? 4);
const pid = process.env.BENCH_SERVER_PID ? Number(process.env.BENCH_SERVER_PID) : null;
const STATIC = "/favicon.svg";

const admin = createPrismaClient(url, 2);
await ensurePageVolume(admin);
const cookie = await sessionCookie(admin, PAGE_USER, secret);
const headers = { cookie };
const rssBefore = pid ? processStats(pid).rssMb : null;

const pages = [
  { label: "500 events", path: `/t/${PAGE_TEAM}/incidents/${INCIDENT_500.number}` },
  { label: "5 000 events", path: `/t/${PAGE_TEAM}/incidents/${INCIDENT_5000.number}` },
];
const list = `/t/${PAGE_TEAM}/incidents`;

const rows: { label: string; result: Load; staticRps: number; listRps: number | null; cpuMs: number | null }[] = [];
const cpuNow = () => (pid ? processStats(pid).cpuSeconds : 0);
for (const concurrency of [1, 8]) {
  const staticRun = await load(base, STATIC, concurrency, Math.min(seconds, 2));
  const listRun = concurrency === 8 ? await load(base, list, concurrency, seconds, headers) : null;
  for (const page of pages) {
    const cpuBefore = cpuNow();
    const result = await load(base, page.path, concurrency, seconds, headers);
    // Server CPU per view (warm-up requests included in the count), immune to how busy the machine is.
    const cpuMs = pid ? ((cpuNow() - cpuBefore) * 1000) / (result.requests + result.errors + 2) : null;
    rows.push({ label: page.label, result, staticRps: staticRun.rps, listRps: listRun?.rps ?? null, cpuMs });
  }
}
const rssAfter = pid ? processStats(pid).rssMb : null;

console.log("\n| page | users | requests | p50 ms | p95 ms | server CPU ms/view | req/s | HTML KB | % of static | % of list | errors |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const { label, result: r, staticRps, listRps, cpuMs } of rows) {
  const ofList = listRps ? `${((r.rps / listRps) * 100).toFixed(0)} %` : "—";
  console.log(`| ${label} | ${r.concurrency} | ${r.requests} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${cpuMs === null ? "—" : cpuMs.toFixed(0)} | ${r.rps.toFixed(1)} | ${(r.bytes / 1024).toFixed(0)} | ${((r.rps / staticRps) * 100).toFixed(2)} % | ${ofList} | ${r.errors} |`);
}
const staticRps = rows.map((r) => `${r.staticRps.toFixed(0)}`).filter((v, i, all) => all.indexOf(v) === i);
console.log(`\nStatic file ${STATIC}: ${staticRps.join(" / ")} req/s (1 / 8 users).`);
const listRow = rows.find((r) => r.listRps !== null);
if (listRow) console.log(`Incident list ${list}: ${listRow.listRps!.toFixed(1)} req/s (8 users).`);
if (rssBefore !== null && rssAfter !== null) console.log(`Server RSS: ${rssBefore.toFixed(0)} MB before, ${rssAfter.toFixed(0)} MB after.`);
await admin.userSession.deleteMany({ where: { userAgent: "bench" } });
await admin.$disconnect();
