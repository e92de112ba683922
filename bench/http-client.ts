import http from "node:http";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { encode } from "next-auth/jwt";
import type { Db } from "../lib/db";

/** A signed-in cookie for `userId`, exactly as next-auth issues it (plain-http localhost names it without `__Secure-`). */
export async function sessionCookie(admin: Db, userId: string, secret: string): Promise<string> {
  const user = await admin.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true } });
  const session = await admin.userSession.create({ data: { userId, userAgent: "bench", expiresAt: new Date(Date.now() + 86_400_000) }, select: { id: true } });
  const token = await encode({ token: { sub: userId, sid: session.id, email: user.email, name: user.name }, secret, maxAge: 86_400 });
  return `next-auth.session-token=${token}`;
}

export type Fetched = { status: number; bytes: number; ms: number; body: string };

/** One GET with keep-alive; the time is until the last byte. */
export function get(base: URL, path: string, agent: http.Agent, headers: Record<string, string> = {}): Promise<Fetched> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.get({ host: base.hostname, port: base.port, path, agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const body = Buffer.concat(chunks);
        resolve({ status: response.statusCode ?? 0, bytes: body.length, ms: performance.now() - start, body: body.toString("utf8") });
      });
    });
    request.on("error", reject);
  });
}

export type Load = { path: string; concurrency: number; requests: number; errors: number; rps: number; p50: number; p95: number; bytes: number };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** `concurrency` clients requesting `path` back to back for `seconds`, after two warm-up requests. */
export async function load(base: URL, path: string, concurrency: number, seconds: number, headers: Record<string, string> = {}): Promise<Load> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  for (let i = 0; i < 2; i++) await get(base, path, agent, headers);
  const samples: number[] = [];
  let errors = 0;
  let bytes = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const result = await get(base, path, agent, headers).catch(() => null);
        if (result?.status === 200) {
          samples.push(result.ms);
          bytes = result.bytes;
        } else errors++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  samples.sort((a, b) => a - b);
  return { path, concurrency, requests: samples.length, errors, rps: samples.length / elapsed, p50: percentile(samples, 50), p95: percentile(samples, 95), bytes };
}

/** Resident memory (MB) and CPU seconds used so far by a process, from /proc (Linux). */
export function processStats(pid: number): { rssMb: number; cpuSeconds: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { rssMb: rssKb / 1024, cpuSeconds: ticks / 100 };
}
