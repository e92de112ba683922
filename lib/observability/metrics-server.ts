import { timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { Registry } from "prom-client";

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Serves `GET /metrics` for Prometheus on a port of its own, never the app's public one; with a
 * token set, only to `Authorization: Bearer <token>`.
 */
export async function startMetricsServer(options: { registry: Registry; port: number; host?: string; token?: string }): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://metrics");
    if (request.method !== "GET" || url.pathname !== "/metrics") {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("Not found\n");
      return;
    }
    if (options.token && !sameSecret(request.headers.authorization ?? "", `Bearer ${options.token}`)) {
      response.writeHead(401, { "Content-Type": "text/plain", "WWW-Authenticate": 'Bearer realm="metrics"' }).end("Unauthorized\n");
      return;
    }
    options.registry.metrics().then(
      (text) => response.writeHead(200, { "Content-Type": options.registry.contentType }).end(text),
      (error: unknown) => response.writeHead(500, { "Content-Type": "text/plain" }).end(`Could not collect metrics: ${error instanceof Error ? error.message : String(error)}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port: options.port, host: options.host ?? "127.0.0.1" }, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return server;
}
