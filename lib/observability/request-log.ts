import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import type { RequestContext } from "@/lib/observability/request-context";

export const REQUEST_ID_HEADER = "x-request-id";

/** An id from a proxy in front is kept when it looks like one (so a request can be followed across both logs); anything else is replaced. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}

/** Load balancer probes come every few seconds: logged at debug, so they do not drown the rest. */
const PROBES = new Set(["/api/health", "/api/ready"]);

/** A request target Node accepted may still not parse as a URL ("http://[" in absolute form): it is then reported as unmatched. */
function pathnameOf(target: string | undefined): string {
  try {
    return new URL(target ?? "/", "http://app").pathname;
  } catch {
    return "(unparseable)";
  }
}

export type FinishedRequest = { route: string; method: string; status: number; durationSeconds: number };

/**
 * Gives the request an id (also sent back in `X-Request-Id`, and passed on to the app in the
 * request's header) and logs one line when the response ends: route pattern, status, duration,
 * and the user when the app identified one. Never the URL's query, headers or bodies.
 */
export function observeRequest(
  request: IncomingMessage,
  response: ServerResponse,
  options: { logger: Logger; routeOf: (pathname: string) => string; onStart?: (route: string) => void; onFinish?: (finished: FinishedRequest) => void },
): RequestContext {
  const context: RequestContext = { reqId: requestIdFrom(request.headers[REQUEST_ID_HEADER]) };
  request.headers[REQUEST_ID_HEADER] = context.reqId;
  response.setHeader("X-Request-Id", context.reqId);
  const started = process.hrtime.bigint();
  const method = request.method ?? "GET";
  const route = options.routeOf(pathnameOf(request.url));
  options.onStart?.(route);
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    const durationSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const aborted = !response.writableFinished;
    const status = response.statusCode;
    options.onFinish?.({ route, method, status, durationSeconds });
    const level = PROBES.has(route) && status < 500 ? "debug" : status >= 500 ? "error" : "info";
    options.logger[level](
      { reqId: context.reqId, ...(context.userId ? { userId: context.userId } : {}), method, route, status, durationMs: Math.round(durationSeconds * 10_000) / 10, ...(aborted ? { aborted: true } : {}) },
      "request",
    );
  };
  response.once("finish", finish);
  response.once("close", finish);
  return context;
}
