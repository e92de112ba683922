import http from "node:http";
import next from "next";
import { serveFromPublicPageCache } from "../lib/publishing/front-cache";
import { recordPeerAddress } from "../lib/auth/client-ip";
import { answerWhileDatabaseDown } from "../lib/outage/front-door";
import { receiveAlertsAhead } from "../lib/alerts/front-door";
import { watchDatabase } from "../lib/outage/database-watch";
import { closeLiveStreams } from "../lib/realtime/close-streams";
import { stopGracefully } from "./lib/graceful-stop";
import { observeWebServer } from "./lib/web-observability";

/**
 * The web app's server (`npm run web`; `npm start` runs it for you): Next.js behind a plain Node
 * HTTP server that answers published postmortem pages from their in-process cache first, so a
 * page shared widely costs about what a static file does. Everything else is Next.js's.
 */
const port = Number(process.env.PORT ?? 3000);
const production = process.env.NODE_ENV === "production";
const observe = await observeWebServer();
if (!production) {
  console.error("scripts/web.ts serves a production build: run it with NODE_ENV=production after `next build` (or use `npm run dev`).");
  process.exit(1);
}

const log = (line: string) => console.error(`[web] ${line}`);
const database = watchDatabase(process.env.DATABASE_URL ?? "", log);
const app = next({ dev: false, port, hostname: "localhost" });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((request, response) => {
  recordPeerAddress(request);
  observe(request, response, () => {
    if (serveFromPublicPageCache(request, response, production)) return;
    if (answerWhileDatabaseDown(request, response, production)) return;
    if (receiveAlertsAhead(request, response, production)) return;
    void handle(request, response);
  });
});
// Node's default listen backlog (511) overflows under a burst of connections (a page shared in a
// chat, a reconnecting crowd) and the kernel resets the rest; a deep queue lets them wait their
// turn instead. The kernel caps it at net.core.somaxconn.
const backlog = Number(process.env.WEB_LISTEN_BACKLOG ?? 4096);
// All interfaces, as `next start` does.
server.listen({ port, backlog }, () => {
  console.log(`web: listening on port ${port}`);
  // Next.js attaches its websocket proxy (the /collab rewrite) to the server on the first request
  // it handles. Make that request now, so an editor reconnecting to a restarted server is not first.
  http.get({ host: "127.0.0.1", port, path: "/favicon.svg" }, (warmUp) => warmUp.resume()).on("error", () => undefined);
});

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void stopGracefully(server, {
      timeoutMs: Number(process.env.WEB_STOP_TIMEOUT_MS ?? 20_000),
      beforeDrain: closeLiveStreams,
      afterDrain: () => Promise.all([app.close(), database.stop()]).then(() => undefined),
      log,
    }).finally(() => process.exit(0));
  });
}
