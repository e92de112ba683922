import { bootApp } from "./lib/boot";
import { buildIsCurrent } from "./lib/build-freshness";
import { binary, run, waitForHttp } from "./lib/processes";
import { WEB_NODE_FLAGS } from "./lib/web-node-flags";

/**
 * `npm start`: the database (DATABASE_URL, or an embedded PostgreSQL in .hindsight/pg seeded with
 * a demo team), migrations, a production build when sources changed, then the web server
 * (scripts/web.ts: Next.js behind a cache for public pages) and the collaboration server.
 */
const log = (line: string) => console.log(`[hindsight] ${line}`);
const port = Number(process.env.PORT ?? 3000);
const appUrl = process.env.NEXTAUTH_URL ?? `http://localhost:${port}`;

const { database, supervisor, demoLogin } = await bootApp(log);

try {
  if (!buildIsCurrent()) {
    log("Building the app for production (first start or changed sources; this takes a minute)…");
    await run(binary("next"), ["build"], { env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } });
  }
} catch (error) {
  console.error(error);
  await supervisor.shutdown(1);
}

const env = {
  ...process.env,
  NODE_ENV: "production" as const,
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: database.databaseUrl,
  NEXTAUTH_SECRET: database.secret,
  NEXTAUTH_URL: appUrl,
  PORT: String(port),
};

// The app's long-running processes: the collaboration server (postmortem co-editing) and Next.js.
supervisor.start("collaboration server", process.execPath, ["--import", "tsx", "scripts/collab.ts"], env);
supervisor.start("web server", process.execPath, [...WEB_NODE_FLAGS, "--import", "tsx", "scripts/web.ts"], env);

try {
  await waitForHttp(`http://127.0.0.1:${port}/`);
} catch (error) {
  console.error(String(error));
  await supervisor.shutdown(1);
}
log(`Hindsight is running at ${appUrl}`);
if (demoLogin) log(`Demo sign-in: ${demoLogin} (or create your own account)`);
log("Press Ctrl-C to stop.");
