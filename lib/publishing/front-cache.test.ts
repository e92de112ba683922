import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clearPublicPages, storePage } from "@/lib/publishing/cache";
import { acceptsGzip, serveFromPublicPageCache } from "@/lib/publishing/front-cache";
import { PUBLIC_CSP } from "@/lib/publishing/public-headers";

let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (!serveFromPublicPageCache(request, response, true)) response.writeHead(599).end("passed to Next.js");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => clearPublicPages());

function get(path: string, options: { method?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, path, method: options.method ?? "GET", headers: options.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on("error", reject);
    request.end();
  });
}

const page = { status: 200, body: "<!doctype html><p>Reports stopped — ünïcode</p>", noindex: true, version: "e1", etag: '"abc"' };

describe("the web server's public page cache", () => {
  it("answers a fresh page itself, with the route's headers and the site's security headers", async () => {
    storePage("/p/slug", page);
    const response = await get("/p/slug");
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe(page.body);
    expect(response.headers).toMatchObject({
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": PUBLIC_CSP,
      "cache-control": "public, no-cache",
      etag: '"abc"',
      "x-robots-tag": "noindex, nofollow",
      "x-frame-options": "DENY",
      "x-content-type-options": "nosniff",
      "content-length": String(Buffer.byteLength(page.body)),
    });
  });

  it("answers 304 to a browser that holds this version, gzip to one that accepts it, no body to HEAD", async () => {
    storePage("/p/slug", page);
    const notModified = await get("/p/slug", { headers: { "If-None-Match": '"abc"' } });
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    expect((await get("/p/slug", { headers: { "If-None-Match": '"old"' } })).status).toBe(200);
    const gzipped = await get("/p/slug", { headers: { "Accept-Encoding": "br, gzip" } });
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzipped.body).toString()).toBe(page.body);
    const head = await get("/p/slug", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it("answers a taken-down page 410 without letting anyone keep it", async () => {
    storePage("/p/gone", { status: 410, body: "Gone", noindex: true, version: "gone", etag: undefined });
    const response = await get("/p/gone");
    expect(response.status).toBe(410);
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(response.headers.etag).toBeUndefined();
  });

  it("passes everything else to Next.js: stale entries, misses, other paths and methods, query strings, cleared pages", async () => {
    storePage("/p/stale", page, Date.now() - 6_000);
    storePage("/p/slug", page);
    expect((await get("/p/stale")).status).toBe(599);
    expect((await get("/p/other")).status).toBe(599);
    expect((await get("/p/slug/")).status).toBe(599);
    expect((await get("/p/slug?utm=x")).status).toBe(599);
    expect((await get("/p/slug", { method: "POST" })).status).toBe(599);
    expect((await get("/t/p/slug")).status).toBe(599);
    clearPublicPages();
    expect((await get("/p/slug")).status).toBe(599);
  });

  it.each([
    [undefined, false],
    ["", false],
    ["gzip", true],
    ["deflate, gzip;q=0.5", true],
    ["gzip;q=0", false],
    ["gzip; q=0.0, br", false],
    ["*", true],
    ["br, identity", false],
    ["x-gzip", false],
  ] as const)("Accept-Encoding %j allows gzip: %s", (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});
