import type { IncomingMessage, ServerResponse } from "node:http";
import { databaseDown } from "@/lib/outage/state";
import { DATABASE_UNREACHABLE_MESSAGE, RETRY_AFTER_SECONDS } from "@/lib/outage/unreachable";
import { securityHeaders } from "@/lib/security-headers";

/** Paths that need no database: the build's assets, public files, liveness. */
const NEEDS_NO_DATABASE = /^\/(_next\/static\/|_next\/image|favicon|robots\.txt|icon|apple-icon|api\/health(\/|$|\?))/;

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}">
<title>Hindsight is reconnecting</title>
<style>
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f8fafc; color: #0f172a; }
  main { max-width: 32rem; padding: 2rem; }
  h1 { font-size: 1.25rem; margin: 0 0 .75rem; }
  p { line-height: 1.5; margin: 0 0 .5rem; color: #334155; }
  @media (prefers-color-scheme: dark) { body { background: #0f172a; color: #f1f5f9; } p { color: #cbd5e1; } }
</style>
</head>
<body>
<main role="status" aria-live="polite">
<h1>${DATABASE_UNREACHABLE_MESSAGE}</h1>
<p>This page tries again by itself every ${RETRY_AFTER_SECONDS} seconds. Nothing that was saved is lost.</p>
<p>If you were filling in a form, go back: what you typed is still there, and you can send it once Hindsight is back.</p>
</main>
</body>
</html>
`;

/**
 * While this process finds PostgreSQL unreachable, answers what needs the database with 503 and
 * Retry-After — a page saying so for browsers, the API's error JSON for everyone else — instead
 * of letting Next.js render a generic error. Server actions pass: their forms keep what was typed
 * and show the same message (`toErrorBody`). Returns whether it answered.
 */
export function answerWhileDatabaseDown(request: IncomingMessage, response: ServerResponse, production: boolean): boolean {
  if (!databaseDown()) return false;
  const url = request.url ?? "/";
  if (NEEDS_NO_DATABASE.test(url) || request.headers["next-action"]) return false;
  for (const { key, value } of securityHeaders(production)) response.setHeader(key, value);
  response.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
  response.setHeader("Cache-Control", "no-store");
  response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  const wantsPage = (request.headers.accept ?? "").includes("text/html") && !request.headers.rsc;
  if (wantsPage) {
    response.writeHead(503, { "Content-Type": "text/html; charset=utf-8" });
    response.end(request.method === "HEAD" ? undefined : page);
  } else {
    response.writeHead(503, { "Content-Type": "application/json" });
    response.end(JSON.stringify({ error: { code: "UNAVAILABLE", message: DATABASE_UNREACHABLE_MESSAGE } }));
  }
  return true;
}
