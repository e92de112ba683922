import { createCollabServer } from "../lib/collab/server";
import { createLogger, setProcessLogger } from "../lib/observability/logger";
import { routeConsoleTo } from "../lib/observability/console";
import { metrics } from "../lib/observability/metrics";
import { startMetricsFromEnv } from "../lib/observability/metrics-from-env";

/**
 * The collaboration server as a process of its own (`npm run collab`): in production, run it
 * beside `npm run web` from the same image. `npm start` and `npm run dev` start it for you.
 */
const log = setProcessLogger(createLogger({ service: "collab" }));
routeConsoleTo(log);
const port = Number(process.env.COLLAB_PORT ?? 1234);
const databaseUrl = process.env.DATABASE_URL;
const secret = process.env.NEXTAUTH_SECRET;
if (!databaseUrl || !secret) {
  console.error("The collaboration server needs DATABASE_URL and NEXTAUTH_SECRET (the same as the app's).");
  process.exit(1);
}

const debounceMs = Number(process.env.COLLAB_DEBOUNCE_MS ?? 2000);
const collab = createCollabServer({
  port,
  host: process.env.COLLAB_HOST ?? "127.0.0.1",
  databaseUrl,
  secret,
  debounceMs,
  maxDebounceMs: Math.max(debounceMs, 10_000),
  redisUrl: process.env.REDIS_URL || undefined,
  log: (line) => log.warn(line),
});
// A stray rejection in a hook must not take every open document down with it.
process.on("unhandledRejection", (reason) => log.error({ err: reason }, "unhandled rejection"));
await collab.listen();
metrics().sources.collab = () => ({ connections: collab.server.hocuspocus.getConnectionsCount(), documents: collab.server.hocuspocus.getDocumentsCount() });
await startMetricsFromEnv("collab", "COLLAB_METRICS_PORT", log);
log.info(`listening on ${process.env.COLLAB_HOST ?? "127.0.0.1"}:${port}`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // Destroying stores every open document first, so a stop loses nothing; editors reconnect to
    // another server meanwhile. A database that stays away cannot hold the stop up for ever.
    const timeoutMs = Number(process.env.COLLAB_STOP_TIMEOUT_MS ?? 25_000);
    setTimeout(() => {
      console.error(`[collab] documents not stored within ${timeoutMs} ms of the stop signal; exiting anyway`);
      process.exit(1);
    }, timeoutMs).unref();
    void collab.destroy().finally(() => process.exit(0));
  });
}
