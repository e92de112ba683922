/**
 * 200 viewers follow an incident's live stream while one writer adds an event, against a running
 * production server: how long until the last viewer has the event, the server's CPU for that one
 * change, how long the writer waits for their answer, and errors. A viewer "has" the event when
 * it arrives: as data in the stream, or — for a stream that only says "changed" (the old
 * protocol) — when the page re-read it triggers has come back (one request per viewer; the real
 * browser made more, with prefetches, so this flatters the old protocol).
 *
 *   BENCH_DATABASE_URL=… BENCH_URL=http://localhost:3201 BENCH_SERVER_PID=<pid> NEXTAUTH_SECRET=<the server's> \
 *   BENCH_NEXT_DIR=.next npx tsx bench/live.ts
 *
 * BENCH_VIEWERS (200), BENCH_WRITES (3, one after the other, after one warm-up change; the table shows each).
 */
import http from "node:http";
import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createPrismaClient } from "../lib/db";
import { ensurePageVolume, INCIDENT_500, PAGE_TEAM, PAGE_USER } from "./page-volume";
import { processStats, sessionCookie } from "./http-client";

const url = process.env.BENCH_DATABASE_URL;
const secret = process.env.NEXTAUTH_SECRET;
if (!url || !secret) {
  console.error("Set BENCH_DATABASE_URL (the server's database) and NEXTAUTH_SECRET (the server's).");
  process.exit(1);
}
const base = new URL(process.env.BENCH_URL ?? "http://localhost:3201");
const viewersWanted = Number(process.env.BENCH_VIEWERS ?? 200);
const writes = Number(process.env.BENCH_WRITES ?? 3);
const pid = process.env.BENCH_SERVER_PID ? Number(process.env.BENCH_SERVER_PID) : null;
const nextDir = process.env.BENCH_NEXT_DIR ?? ".next";
const pagePath = `/t/${PAGE_TEAM}/incidents/${INCIDENT_500.number}`;
const DEADLINE_MS = 90_000;

/** The server action id of `addEventAction`, from the build's server reference manifest. */
function addEventActionId(): string {
  const manifest = JSON.parse(readFileSync(path.join(nextDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const entry = Object.entries(manifest.node).find(([, a]) => a.exportedName === "addEventAction");
  if (!entry) throw new Error(`addEventAction not found in ${nextDir}/server/server-reference-manifest.json`);
  return entry[0];
}

const admin = createPrismaClient(url, 2);
await ensurePageVolume(admin);
const cookie = await sessionCookie(admin, PAGE_USER, secret);
const actionId = addEventActionId();
// React's own encoder for server action arguments, as Next.js bundles it (it ships no types).
const flightClient = "next/dist/compiled/react-server-dom-turbopack/client.node.js";
const { encodeReply } = (await import(flightClient)) as { encodeReply: (value: unknown) => Promise<string | FormData> };

type Viewer = { seen: Map<string, number>; errors: number; pending: string[]; close: () => void };
const agent = new http.Agent({ keepAlive: true, maxSockets: 400 });
let errors = 0;

/** Re-reads the page the way router.refresh() does (an RSC request) and reports whether `marker` is in it. */
function refetchHas(marker: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get({ host: base.hostname, port: base.port, path: `${pagePath}?_rsc`, agent, headers: { cookie, RSC: "1" } }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve(response.statusCode === 200 && text.includes(marker)));
    });
    request.on("error", () => {
      errors++;
      resolve(false);
    });
  });
}

/** One viewer's stream; `changes` carries the event as data, `change` (old protocol) makes it re-read the page. */
function openViewer(markers: () => string[]): Promise<Viewer> {
  return new Promise((resolve, reject) => {
    const viewer: Viewer = { seen: new Map(), errors: 0, pending: [], close: () => request.destroy() };
    const request = http.get({ host: base.hostname, port: base.port, path: `/t/${PAGE_TEAM}/incidents/${INCIDENT_500.number}/live?since=${Date.now()}`, headers: { cookie, accept: "text/event-stream" } }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`stream answered ${response.statusCode}`));
      response.setEncoding("utf8");
      let buffer = "";
      response.on("data", (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const type = /^event: (.+)$/m.exec(frame)?.[1];
          if (type === "ready") resolve(viewer);
          if (type === "changes") for (const marker of markers()) if (frame.includes(marker) && !viewer.seen.has(marker)) viewer.seen.set(marker, performance.now());
          if (type === "change") {
            const wanted = markers().filter((m) => !viewer.seen.has(m));
            void refetchHas(wanted[wanted.length - 1] ?? "").then((has) => {
              if (!has) return;
              const at = performance.now();
              for (const marker of wanted) if (!viewer.seen.has(marker)) viewer.seen.set(marker, at);
            });
          }
        }
      });
      response.on("error", () => viewer.errors++);
    });
    request.on("error", (error) => {
      viewer.errors++;
      reject(error);
    });
  });
}

/** Adds an event through the add-event form's server action, as the browser posts it; resolves when the whole answer is in. */
async function addEventAsWriter(body: string): Promise<{ ms: number; status: number }> {
  const form = new FormData();
  form.set("teamId", PAGE_TEAM);
  form.set("incidentId", INCIDENT_500.id);
  form.set("kind", "NOTE");
  form.set("body", body);
  form.set("occurredAt", "");
  const encoded = await encodeReply([{ status: "idle" }, form]);
  const started = performance.now();
  const response = await fetch(new URL(pagePath, base), {
    method: "POST",
    headers: { cookie, "Next-Action": actionId, Origin: base.origin, Accept: "text/x-component" },
    body: encoded,
  });
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

const marks: string[] = [];
const rssBefore = pid ? processStats(pid).rssMb : null;
const viewers: Viewer[] = [];
const opening = performance.now();
for (let i = 0; i < viewersWanted; i += 20) {
  const batch = await Promise.allSettled(Array.from({ length: Math.min(20, viewersWanted - i) }, () => openViewer(() => marks)));
  for (const result of batch) {
    if (result.status === "fulfilled") viewers.push(result.value);
    else errors++;
  }
}
console.log(`${viewers.length} viewers connected in ${((performance.now() - opening) / 1000).toFixed(1)} s (${viewersWanted - viewers.length} refused).`);
await new Promise((resolve) => setTimeout(resolve, 1000));

const rows: string[] = [];
// The first change warms the server up (the action's code, the page's first render) and is shown as such.
for (let w = 0; w <= writes; w++) {
  const marker = `live-bench-${Date.now()}-${w}`;
  marks.push(marker);
  const cpuBefore = pid ? processStats(pid).cpuSeconds : 0;
  const started = performance.now();
  const writer = await addEventAsWriter(`Bench event ${marker}`);
  if (writer.status !== 200) errors++;
  while (performance.now() - started < DEADLINE_MS && viewers.some((v) => !v.seen.has(marker))) await new Promise((resolve) => setTimeout(resolve, 20));
  const times = viewers.map((v) => v.seen.get(marker)).filter((t): t is number => t !== undefined).map((t) => t - started).sort((a, b) => a - b);
  // Let the server finish what the change set off (late refetches) before reading its CPU.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const cpu = pid ? processStats(pid).cpuSeconds - cpuBefore : NaN;
  const last = times[times.length - 1];
  rows.push(
    `| ${w === 0 ? "warm-up" : w} | ${writer.ms.toFixed(0)} | ${times.length}/${viewers.length} | ${times[Math.floor(times.length / 2)]?.toFixed(0) ?? "—"} | ${last?.toFixed(0) ?? "—"} | ${cpu.toFixed(2)} |`,
  );
  await new Promise((resolve) => setTimeout(resolve, 1000));
}
const rssAfter = pid ? processStats(pid).rssMb : null;
console.log("\n| change | writer's answer ms | viewers who got it | median ms | last viewer ms | server CPU s (incl. 0.5 s after) |");
console.log("|---:|---:|---:|---:|---:|---:|");
for (const row of rows) console.log(row);
console.log(`\nErrors (refused streams, failed re-reads, stream errors): ${errors + viewers.reduce((s, v) => s + v.errors, 0)}`);
if (rssBefore !== null && rssAfter !== null) console.log(`Server RSS: ${rssBefore.toFixed(0)} MB before, ${rssAfter.toFixed(0)} MB after.`);
for (const viewer of viewers) viewer.close();
agent.destroy();
await admin.timelineEvent.deleteMany({ where: { incidentId: INCIDENT_500.id, body: { startsWith: "Bench event live-bench-" } } });
await admin.userSession.deleteMany({ where: { userAgent: "bench" } });
await admin.$disconnect();
