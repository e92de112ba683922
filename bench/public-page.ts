import http from "node:http";
import { performance } from "node:perf_hooks";

/**
 * Throughput of a published postmortem page next to a static file served by the same Next.js
 * server. Goal: the page reaches at least 80 % of the static file's requests per second.
 *
 *   BENCH_URL=http://localhost:3000 BENCH_PAGE=/p/<slug> npx tsx bench/public-page.ts
 *
 * BENCH_STATIC (default /p.css), BENCH_SECONDS (10), BENCH_CONNECTIONS (32).
 */
const base = new URL(process.env.BENCH_URL ?? "http://localhost:3000");
const page = process.env.BENCH_PAGE;
const staticFile = process.env.BENCH_STATIC ?? "/p.css";
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
if (!page) {
  console.error("Set BENCH_PAGE to a published page's path, e.g. /p/<slug>.");
  process.exit(1);
}

const agent = new http.Agent({ keepAlive: true, maxSockets: connections });

function get(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: base.hostname, port: base.port, path, agent }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    request.on("error", reject);
  });
}

async function run(path: string): Promise<{ path: string; rps: number; errors: number }> {
  const status = await get(path);
  if (status !== 200) throw new Error(`${path} answered ${status}`);
  let done = 0;
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const code = await get(path).catch(() => 0);
        if (code === 200) done++;
        else errors++;
      }
    }),
  );
  return { path, rps: done / seconds, errors };
}

// Alternate the two, twice, so neither benefits from running second on a warmer server.
const results: { path: string; rps: number; errors: number }[] = [];
for (const path of [staticFile, page, staticFile, page]) results.push(await run(path));
const best = (path: string) => Math.max(...results.filter((r) => r.path === path).map((r) => r.rps));
console.log("| target | requests/s (best of 2) | errors |\n|---|---:|---:|");
for (const path of [staticFile, page]) console.log(`| ${path} | ${best(path).toFixed(0)} | ${results.filter((r) => r.path === path).reduce((s, r) => s + r.errors, 0)} |`);
const ratio = best(page) / best(staticFile);
console.log(`\nPublic page throughput is ${(ratio * 100).toFixed(0)} % of the static file's (goal ≥ 80 %).`);
agent.destroy();
process.exitCode = ratio >= 0.8 ? 0 : 1;
