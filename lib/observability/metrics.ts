import client, { Counter, Gauge, Histogram, Registry } from "prom-client";
import type pg from "pg";

/** Where the process's numbers come from when Prometheus scrapes; each process fills in what it has. */
type Sources = {
  pools: Map<string, pg.Pool>;
  collab?: () => { connections: number; documents: number };
  jobQueue?: () => Promise<{ queue: string; state: string; count: number }[]>;
};

function createMetrics() {
  const registry = new Registry();
  const sources: Sources = { pools: new Map() };
  client.collectDefaultMetrics({ register: registry });
  const poolGauge = (name: string, help: string, read: (pool: pg.Pool) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ["pool"],
      registers: [registry],
      collect() {
        this.reset();
        for (const [pool, instance] of sources.pools) this.set({ pool }, read(instance));
      },
    });
  return {
    registry,
    sources,
    httpDuration: new Histogram({
      name: "hindsight_http_request_duration_seconds",
      help: "Time to answer an HTTP request, by route pattern (never the raw URL), method and status",
      labelNames: ["route", "method", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    liveStreams: new Gauge({ name: "hindsight_live_streams", help: "Open live-update streams (server-sent events) to incident pages", registers: [registry] }),
    collabConnections: new Gauge({
      name: "hindsight_collab_connections",
      help: "Open co-editing connections on this collaboration server",
      registers: [registry],
      collect() {
        if (sources.collab) this.set(sources.collab().connections);
      },
    }),
    collabDocuments: new Gauge({
      name: "hindsight_collab_open_documents",
      help: "Postmortems loaded on this collaboration server",
      registers: [registry],
      collect() {
        if (sources.collab) this.set(sources.collab().documents);
      },
    }),
    storeFailures: new Counter({ name: "hindsight_collab_store_failures_total", help: "Attempts to store a postmortem document that PostgreSQL refused or could not be reached for (each is retried)", registers: [registry] }),
    jobQueue: new Gauge({
      name: "hindsight_job_queue_jobs",
      help: "Jobs in the background queue (pg-boss) by queue and state: created and retry are waiting, failed have given up",
      labelNames: ["queue", "state"],
      registers: [registry],
      async collect() {
        if (!sources.jobQueue) return;
        const rows = await sources.jobQueue();
        this.reset();
        for (const row of rows) this.set({ queue: row.queue, state: row.state }, row.count);
      },
    }),
    jobFailures: new Counter({ name: "hindsight_job_failures_total", help: "Background job runs that threw, by queue", labelNames: ["queue"], registers: [registry] }),
    alertIntake: new Counter({ name: "hindsight_alert_intake_total", help: "Alerts received from monitoring by what became of them, and deliveries refused by why", labelNames: ["outcome"], registers: [registry] }),
    poolTotal: poolGauge("hindsight_db_pool_connections", "Connections the database pool holds (idle and in use)", (pool) => pool.totalCount),
    poolIdle: poolGauge("hindsight_db_pool_idle_connections", "Connections in the database pool not in use", (pool) => pool.idleCount),
    poolWaiting: poolGauge("hindsight_db_pool_waiting_requests", "Queries waiting for a free connection from the database pool", (pool) => pool.waitingCount),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

// On globalThis: the server entry and Next.js's bundle each load this module, and must count into the same registry.
const globalForMetrics = globalThis as unknown as { hindsightMetrics?: Metrics };

export function metrics(): Metrics {
  globalForMetrics.hindsightMetrics ??= createMetrics();
  return globalForMetrics.hindsightMetrics;
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

export function recordHttpRequest(request: { route: string; method: string; status: number; durationSeconds: number }): void {
  const method = METHODS.has(request.method) ? request.method : "OTHER";
  metrics().httpDuration.observe({ route: request.route, method, status: String(request.status) }, request.durationSeconds);
}

/** Reports a pg pool's connections under `name` (the app's Prisma pool is "app"). */
export function trackPool(name: string, pool: pg.Pool): void {
  metrics().sources.pools.set(name, pool);
}

const OUTCOME = /^[a-z][a-z_]{0,31}$/;

/**
 * For the alert intake: count each alert received by what became of it ("created", "deduplicated",
 * "acknowledged", "resolved", "ignored") and each delivery refused by why ("unauthorized", "too_large",
 * "rate_limited", "invalid"). Outcomes are a small fixed set chosen by the caller;
 * anything that does not look like one is counted as "other" so a label cannot grow unbounded.
 */
export function countAlertIntake(outcome: string): void {
  metrics().alertIntake.inc({ outcome: OUTCOME.test(outcome) ? outcome : "other" });
}

export function countStoreFailure(): void {
  metrics().storeFailures.inc();
}

/** Wraps a job handler so a run that throws is counted before pg-boss records and retries it. */
export function countingFailures<Args extends unknown[], Result>(queue: string, work: (...args: Args) => Promise<Result>): (...args: Args) => Promise<Result> {
  return async (...args) => {
    try {
      return await work(...args);
    } catch (error) {
      metrics().jobFailures.inc({ queue });
      throw error;
    }
  };
}
