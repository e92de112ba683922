import http from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "@/lib/observability/logger";
import { noteUser, requestContext } from "@/lib/observability/request-context";
import { observeRequest, requestIdFrom } from "@/lib/observability/request-log";
import { routeMatcher, UNMATCHED } from "@/lib/observability/route-pattern";
import { routeConsoleTo } from "@/lib/observability/console";
import { prettyStream } from "@/lib/observability/pretty-stream";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const stream = { write: (line: string) => { raw.push(line); lines.push(JSON.parse(line) as Record<string, unknown>); } };
  return { lines, raw, stream };
}

const PASSWORD = "hunter2-correct-horse";
const TOKEN = "tok_5f0a9c1e7d";
const COOKIE = "__Secure-next-auth.session-token=eyJhbGciOi.secretcookie";
const DOCUMENT_TEXT = "The root cause was a typo in the failover runbook";

const manifest = {
  staticRoutes: [{ page: "/", regex: "^/(?:/)?$" }, { page: "/api/health", regex: "^/api/health(?:/)?$" }],
  dynamicRoutes: [
    { page: "/t/[team]/incidents/[number]", regex: "^/t/([^/]+?)/incidents/([^/]+?)(?:/)?$" },
    { page: "/p/[...path]", regex: "^/p/(.+?)(?:/)?$" },
  ],
};

describe("the logger", () => {
  it("writes JSON lines with time, level and service, and redacts secrets wherever they are", () => {
    const { lines, raw, stream } = capture();
    const log = createLogger({ service: "test", stream, level: "debug" });
    log.info({ password: PASSWORD, token: TOKEN, user: { email: "a@example.test", passwordHash: "scrypt$x", apiKey: TOKEN }, headers: { cookie: COOKIE, authorization: `Bearer ${TOKEN}` } }, "signed in");
    log.warn({ postmortem: { id: "pm1", content: DOCUMENT_TEXT, markdown: DOCUMENT_TEXT }, body: `password=${PASSWORD}` }, "stored");
    const text = raw.join("");
    for (const secret of [PASSWORD, TOKEN, "secretcookie", "scrypt$x", DOCUMENT_TEXT]) expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({ level: "info", service: "test", msg: "signed in", password: "[redacted]", user: { email: "a@example.test", passwordHash: "[redacted]" } });
    expect(lines[1]).toMatchObject({ level: "warn", postmortem: { id: "pm1", content: "[redacted]" } });
    expect(typeof lines[0]?.time).toBe("string");
  });

  it("adds the request's id and user to every line logged while serving it", () => {
    const { lines, stream } = capture();
    const log = createLogger({ service: "test", stream });
    requestContext().run({ reqId: "req-12345678" }, () => {
      log.info("before sign-in is read");
      noteUser("user_1");
      log.info("after");
    });
    log.info("outside");
    expect(lines.map((line) => [line.reqId, line.userId])).toEqual([["req-12345678", undefined], ["req-12345678", "user_1"], [undefined, undefined]]);
  });

  it("prints one readable line per entry for a terminal", () => {
    const out: string[] = [];
    const log = createLogger({ service: "web", stream: prettyStream(new Writable({ write(chunk: Buffer, _encoding, done) { out.push(chunk.toString()); done(); } })) });
    log.info({ route: "/", status: 200 }, "request");
    expect(out[0]).toMatch(/^\d\d:\d\d:\d\d INFO  \[web\] request {2}route=\/ status=200\n$/);
  });
});

describe("request ids", () => {
  it("keeps a sane X-Request-Id and replaces anything else", () => {
    expect(requestIdFrom("4bf92f3577b34da6a3ce929d0e0e4736")).toBe("4bf92f3577b34da6a3ce929d0e0e4736");
    for (const bad of [undefined, "", "short", "x".repeat(200), "evil\nline", "a b c d e f g h", "<script>alert(1)</script>"]) {
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe("route patterns", () => {
  const routeOf = routeMatcher(manifest);
  it("reports the route a URL is served by, never the raw URL", () => {
    expect(routeOf("/t/acme/incidents/42")).toBe("/t/[team]/incidents/[number]");
    expect(routeOf("/t/acme/incidents/42/")).toBe("/t/[team]/incidents/[number]");
    expect(routeOf("/p/9f8e7d6c5b4a")).toBe("/p/[...path]");
    expect(routeOf("/api/health")).toBe("/api/health");
    expect(routeOf("/")).toBe("/");
    expect(routeOf("/_next/static/chunks/abc123.js")).toBe("/_next/static");
    expect(routeOf("/wp-admin/setup.php")).toBe(UNMATCHED);
    expect(routeOf("(unparseable)")).toBe(UNMATCHED);
    expect(routeMatcher({ ...manifest, publicFiles: ["/favicon.svg"] })("/favicon.svg")).toBe("/favicon.svg");
  });
});

describe("request lines", () => {
  it("logs route, status, duration, id and user, and none of the request's secrets or body", async () => {
    const { lines, raw, stream } = capture();
    const log = createLogger({ service: "web", stream, level: "debug" });
    const server = http.createServer((request, response) => {
      const context = observeRequest(request, response, { logger: log, routeOf: routeMatcher(manifest) });
      requestContext().run(context, () => {
        noteUser("user_42");
        request.resume();
        request.on("end", () => setTimeout(() => response.writeHead(201, { "Set-Cookie": COOKIE }).end(DOCUMENT_TEXT), 20));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const response = await fetch(`http://127.0.0.1:${port}/t/acme/incidents/42?token=${TOKEN}`, {
        method: "POST",
        headers: { Cookie: COOKIE, Authorization: `Bearer ${TOKEN}`, "X-Request-Id": "trace-0123456789abcdef", "Content-Type": "application/x-www-form-urlencoded" },
        body: `password=${PASSWORD}&text=${encodeURIComponent(DOCUMENT_TEXT)}`,
      });
      expect(response.headers.get("x-request-id")).toBe("trace-0123456789abcdef");
      await response.text();
      const probe = await fetch(`http://127.0.0.1:${port}/api/health`, { headers: { "X-Request-Id": "bad id" } });
      const generated = probe.headers.get("x-request-id");
      expect(generated).toMatch(/^[0-9a-f-]{36}$/);
      await probe.text();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(lines[0]).toMatchObject({ level: "info", msg: "request", reqId: "trace-0123456789abcdef", userId: "user_42", method: "POST", route: "/t/[team]/incidents/[number]", status: 201 });
      expect(Number(lines[0]?.durationMs)).toBeGreaterThanOrEqual(15);
      expect(lines[1]).toMatchObject({ level: "debug", route: "/api/health", reqId: generated, status: 201 });
      const text = raw.join("");
      for (const secret of [PASSWORD, TOKEN, "secretcookie", DOCUMENT_TEXT, "acme"]) expect(text).not.toContain(secret);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("console output", () => {
  const saved = { error: console.error, warn: console.warn, log: console.log, info: console.info };
  afterEach(() => Object.assign(console, saved));

  it("goes through the logger with the request id, errors with their stack", () => {
    const { lines, stream } = capture();
    routeConsoleTo(createLogger({ service: "web", stream }));
    requestContext().run({ reqId: "req-abcdef12" }, () => console.error("could not deliver %s", "a change", new Error("boom")));
    console.log("plain");
    expect(lines[0]).toMatchObject({ level: "error", reqId: "req-abcdef12", msg: "could not deliver a change", err: { message: "boom", type: "Error" } });
    expect(lines[1]).toMatchObject({ level: "info", msg: "plain" });
  });
});
