import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import pg from "pg";
import { createLogger, setProcessLogger } from "../../lib/observability/logger";
import { routeConsoleTo } from "../../lib/observability/console";
import { observeRequest } from "../../lib/observability/request-log";
import { requestContext } from "../../lib/observability/request-context";
import { routeMatcherFor } from "../../lib/observability/route-pattern";
import { metrics, recordHttpRequest } from "../../lib/observability/metrics";
import { jobQueueStats } from "../../lib/observability/job-queue-stats";
import { startMetricsFromEnv } from "../../lib/observability/metrics-from-env";

/** The incident page's live-update stream (server-sent events): requests to it stay open while someone watches. */
export const LIVE_ROUTE = "/t/[team]/incidents/[number]/live";

/**
 * Logs and metrics for `npm run web`: JSON lines with a request id on every line (the app's own
 * console output included), request durations by route, open live streams, the job queue and
 * the database pool on the metrics port. Returns the wrapper each request goes through.
 */
export async function observeWebServer(): Promise<(request: IncomingMessage, response: ServerResponse, next: () => void) => void> {
  const log = setProcessLogger(createLogger({ service: "web" }));
  routeConsoleTo(log);
  const routeOf = routeMatcherFor(path.join(process.cwd(), ".next"), path.join(process.cwd(), "public"));
  if (process.env.METRICS_PORT && process.env.DATABASE_URL) {
    // One connection of its own, so a scrape never waits behind the app's queries.
    const statsPool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1, idleTimeoutMillis: 30_000 });
    statsPool.on("error", (error) => log.warn({ err: error }, "metrics: job queue statistics connection failed"));
    metrics().sources.jobQueue = () => jobQueueStats(statsPool);
  }
  await startMetricsFromEnv("web", "METRICS_PORT", log);
  const liveStreams = metrics().liveStreams;
  return (request, response, next) => {
    const context = observeRequest(request, response, {
      logger: log,
      routeOf,
      onStart(route) {
        if (route !== LIVE_ROUTE) return;
        liveStreams.inc();
        response.once("close", () => liveStreams.dec());
      },
      onFinish: recordHttpRequest,
    });
    requestContext().run(context, next);
  };
}
