import type http from "node:http";
import type { Logger } from "pino";
import { metrics } from "@/lib/observability/metrics";
import { startMetricsServer } from "@/lib/observability/metrics-server";

/**
 * Starts this process's metrics endpoint when its port variable is set (METRICS_PORT for the web
 * app, COLLAB_METRICS_PORT for the collaboration server), on METRICS_HOST (127.0.0.1 unless told),
 * behind METRICS_TOKEN when set. Off by default.
 */
export async function startMetricsFromEnv(service: string, portVariable: string, log: Logger): Promise<http.Server | null> {
  const registry = metrics().registry;
  registry.setDefaultLabels({ service });
  const port = process.env[portVariable];
  if (!port) return null;
  const host = process.env.METRICS_HOST ?? "127.0.0.1";
  const server = await startMetricsServer({ registry, port: Number(port), host, token: process.env.METRICS_TOKEN || undefined });
  log.info(`metrics on http://${host}:${port}/metrics${process.env.METRICS_TOKEN ? " (bearer token required)" : ""}`);
  return server;
}
