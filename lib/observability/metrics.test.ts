import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { createLogger } from "@/lib/observability/logger";
import { countAlertIntake, countingFailures, metrics, recordHttpRequest } from "@/lib/observability/metrics";
import { startMetricsServer } from "@/lib/observability/metrics-server";
import { jobQueueStats } from "@/lib/observability/job-queue-stats";
import { observeRequest } from "@/lib/observability/request-log";
import { routeMatcher } from "@/lib/observability/route-pattern";
import { createCollabServer, type CollabServer } from "@/lib/collab/server";
import { connectClient, waitFor, type TestClient } from "@/lib/collab/testing/client";
import { postmortemForTest } from "@/lib/collab/testing/postmortem";

const METRICS_TEST_PORT = 9170;
const TOKEN = "metrics-token-for-tests";
const LIVE = "/t/[team]/incidents/[number]/live";
const manifest = {
  dynamicRoutes: [
    { page: LIVE, regex: "^/t/([^/]+?)/incidents/([^/]+?)/live(?:/)?$" },
    { page: "/t/[team]/incidents/[number]", regex: "^/t/([^/]+?)/incidents/([^/]+?)(?:/)?$" },
  ],
};

let metricsServer: http.Server;
let app: http.Server;
let appUrl: string;
let statsPool: pg.Pool;
let boss: PgBoss;
let collab: CollabServer;
const clients: TestClient[] = [];

async function scrape(token: string | null = TOKEN): Promise<Response> {
  return fetch(`http://127.0.0.1:${METRICS_TEST_PORT}/metrics`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
}

/** The value of one sample in Prometheus's text format, or undefined when it is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = Object.fromEntries([...(match[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => present[key] === value)) return Number(match[3]);
  }
  return undefined;
}

beforeAll(async () => {
  metricsServer = await startMetricsServer({ registry: metrics().registry, port: METRICS_TEST_PORT, token: TOKEN });
  const log = createLogger({ service: "test", stream: { write: () => undefined } });
  const liveStreams = metrics().liveStreams;
  app = http.createServer((request, response) => {
    observeRequest(request, response, {
      logger: log,
      routeOf: routeMatcher(manifest),
      onStart(route) {
        if (route !== LIVE) return;
        liveStreams.inc();
        response.once("close", () => liveStreams.dec());
      },
      onFinish: recordHttpRequest,
    });
    if (request.url?.endsWith("/live")) response.writeHead(200, { "Content-Type": "text/event-stream" }).write(": open\n\n");
    else response.writeHead(request.url?.includes("missing") ? 404 : 200).end("ok");
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  statsPool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 1 });
  metrics().sources.jobQueue = () => jobQueueStats(statsPool);
  collab = createCollabServer({ port: 0, databaseUrl: inject("databaseUrl"), secret: process.env.NEXTAUTH_SECRET ?? "", debounceMs: 200, maxDebounceMs: 1000 });
  await collab.listen();
  metrics().sources.collab = () => ({ connections: collab.server.hocuspocus.getConnectionsCount(), documents: collab.server.hocuspocus.getDocumentsCount() });
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await collab?.destroy();
  await boss?.stop({ graceful: false, wait: true });
  await statsPool?.end();
  await new Promise((resolve) => app?.close(resolve));
  await new Promise((resolve) => metricsServer?.close(resolve));
});

describe("the metrics endpoint", () => {
  it("answers only with the token, and only /metrics", async () => {
    expect((await scrape(null)).status).toBe(401);
    expect((await scrape("wrong-token-of-same-size!")).status).toBe(401);
    const ok = await scrape();
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toContain("text/plain");
    expect(await ok.text()).toContain("process_cpu_user_seconds_total");
    expect((await fetch(`http://127.0.0.1:${METRICS_TEST_PORT}/other`, { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
  });
});

describe("what it reports", () => {
  it("request durations by route pattern, method and status — never the raw URL", async () => {
    for (const path of ["/t/acme/incidents/1", "/t/acme/incidents/2", "/t/beta/incidents/77", "/t/acme/incidents/missing"]) await (await fetch(appUrl + path)).text();
    const text = await (await scrape()).text();
    expect(sample(text, "hindsight_http_request_duration_seconds_count", { route: "/t/[team]/incidents/[number]", method: "GET", status: "200" })).toBe(3);
    expect(sample(text, "hindsight_http_request_duration_seconds_count", { route: "/t/[team]/incidents/[number]", status: "404" })).toBe(1);
    expect(sample(text, "hindsight_http_request_duration_seconds_bucket", { route: "/t/[team]/incidents/[number]", status: "200", le: "+Inf" })).toBe(3);
    expect(text).not.toContain("acme");
    expect(text).not.toContain("/incidents/77");
  });

  it("open live streams, while they are open", async () => {
    const controller = new AbortController();
    const stream = await fetch(`${appUrl}/t/acme/incidents/1/live`, { signal: controller.signal });
    expect(stream.status).toBe(200);
    expect(sample(await (await scrape()).text(), "hindsight_live_streams")).toBe(1);
    controller.abort();
    await waitFor(async () => sample(await (await scrape()).text(), "hindsight_live_streams") === 0, 5_000, "the stream to be counted closed");
  });

  it("the database pool's connections", async () => {
    await db().$queryRaw`SELECT 1`;
    const text = await (await scrape()).text();
    expect(sample(text, "hindsight_db_pool_connections", { pool: "app" })).toBeGreaterThanOrEqual(1);
    expect(sample(text, "hindsight_db_pool_idle_connections", { pool: "app" })).toBeGreaterThanOrEqual(0);
    expect(sample(text, "hindsight_db_pool_waiting_requests", { pool: "app" })).toBe(0);
  });

  it("the job queue's depth by queue and state, and job runs that failed", async () => {
    boss = new PgBoss({ connectionString: inject("databaseUrl"), max: 2, supervise: false, schedule: false });
    await boss.start();
    const queue = `ops-metrics-${Date.now()}`;
    await boss.createQueue(queue);
    await boss.send(queue, { n: 1 });
    await boss.send(queue, { n: 2 });
    expect(sample(await (await scrape()).text(), "hindsight_job_queue_jobs", { queue, state: "created" })).toBe(2);

    const failing = countingFailures(queue, async () => {
      throw new Error("the mail server said no");
    });
    await expect(failing()).rejects.toThrow("the mail server said no");
    await expect(countingFailures(queue, async () => "fine")()).resolves.toBe("fine");
    expect(sample(await (await scrape()).text(), "hindsight_job_failures_total", { queue })).toBe(1);
  });

  it("alert intake by outcome, with a bounded set of labels", async () => {
    countAlertIntake("created");
    countAlertIntake("created");
    countAlertIntake("deduplicated");
    countAlertIntake("Robert'); DROP TABLE--");
    const text = await (await scrape()).text();
    expect(sample(text, "hindsight_alert_intake_total", { outcome: "created" })).toBe(2);
    expect(sample(text, "hindsight_alert_intake_total", { outcome: "deduplicated" })).toBe(1);
    expect(sample(text, "hindsight_alert_intake_total", { outcome: "other" })).toBe(1);
  });

  it("collaboration connections and open documents", async () => {
    const { owner, grant } = await postmortemForTest();
    const url = `ws://127.0.0.1:${collab.server.address.port}`;
    const first = connectClient(url, process.env.NEXTAUTH_SECRET ?? "", grant(owner.userId));
    const second = connectClient(url, process.env.NEXTAUTH_SECRET ?? "", grant(owner.userId));
    clients.push(first, second);
    await waitFor(() => first.provider.isSynced && second.provider.isSynced, 10_000, "sync");
    const text = await (await scrape()).text();
    expect(sample(text, "hindsight_collab_connections")).toBe(2);
    expect(sample(text, "hindsight_collab_open_documents")).toBe(1);
    expect(sample(text, "hindsight_collab_store_failures_total")).toBe(0);
  });
});
