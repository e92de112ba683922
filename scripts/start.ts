import { spawn, type ChildProcess } from "node:child_process";
import { prepareAppDatabase } from "./lib/app-database";
import { buildIsCurrent } from "./lib/build-freshness";
import { binary, run, stopChild, waitForHttp } from "./lib/processes";
import { DEMO_LOGIN, seedDemo } from "./db-seed";

const log = (line: string) => console.log(`[hindsight] ${line}`);
const port = Number(process.env.PORT ?? 3000);
const appUrl = process.env.NEXTAUTH_URL ?? `http://localhost:${port}`;

const database = await prepareAppDatabase(log);
const children: ChildProcess[] = [];
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    log("Stopping…");
    await Promise.all(children.map((child) => stopChild(child)));
    await database.embedded?.stop();
  }
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

try {
  if (database.embedded) {
    const seeded = await seedDemo(database.databaseUrl);
    if (seeded) log("Seeded a demo team with a resolved incident.");
  }
  if (!buildIsCurrent()) {
    log("Building the app for production (first start or changed sources; this takes a minute)…");
    await run(binary("next"), ["build"], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  }
} catch (error) {
  console.error(error);
  await shutdown(1);
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

/** Every long-running process of the app; a collaboration server will join the web server here. */
function startProcess(name: string, command: string, args: string[]): void {
  const child = spawn(command, args, { env, stdio: ["ignore", "inherit", "inherit"] });
  child.on("exit", (code) => {
    if (stopping) return;
    log(`${name} exited (${code}); stopping.`);
    void shutdown(code ?? 1);
  });
  children.push(child);
}

startProcess("web server", binary("next"), ["start", "-p", String(port)]);
await waitForHttp(`http://127.0.0.1:${port}/sign-in`);
log(`Hindsight is running at ${appUrl}`);
if (database.embedded) log(`Demo sign-in: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password} (or create your own account)`);
log("Press Ctrl-C to stop.");
