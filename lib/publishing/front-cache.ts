import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { cachedPage } from "@/lib/publishing/cache";
import { notModifiedHeaders, publicPageHeaders } from "@/lib/publishing/public-headers";
import { securityHeaders } from "@/lib/security-headers";

/** Whether an Accept-Encoding header allows gzip (and does not refuse it with q=0). */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  return acceptEncoding.split(",").some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    if (coding !== "gzip" && coding !== "*") return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/**
 * Answers a public page straight from the page cache, ahead of Next.js's router, when the cached
 * copy was checked against the database within the last few seconds. Anything else — a miss, a
 * stale entry, another method, a query string — returns false and goes to Next.js, whose route
 * rechecks and refills the cache. The response is the one the route would give, byte for byte.
 */
export function serveFromPublicPageCache(request: IncomingMessage, response: ServerResponse, production: boolean): boolean {
  const url = request.url;
  if ((request.method !== "GET" && request.method !== "HEAD") || !url?.startsWith("/p/") || url.includes("?")) return false;
  const cached = cachedPage(url);
  if (!cached?.fresh) return false;
  const { page } = cached;
  for (const { key, value } of securityHeaders(production)) response.setHeader(key, value);
  if (page.etag && request.headers["if-none-match"] === page.etag) {
    response.writeHead(304, notModifiedHeaders(page.etag)).end();
    return true;
  }
  const headers: Record<string, string | number> = { ...publicPageHeaders(page.status, page.noindex, page.etag), Vary: "Accept-Encoding" };
  let body: Buffer | string = page.body;
  if (acceptsGzip(request.headers["accept-encoding"])) {
    body = page.gzipped ??= gzipSync(page.body);
    headers["Content-Encoding"] = "gzip";
  }
  headers["Content-Length"] = Buffer.byteLength(body);
  response.writeHead(page.status, headers);
  response.end(request.method === "HEAD" ? undefined : body);
  return true;
}
