import { spawn } from "node:child_process";
import { prepareAppDatabase } from "./lib/app-database";
import { binary, stopChild } from "./lib/processes";
import { DEMO_LOGIN, seedDemo } from "./db-seed";

const log = (line: string) => console.log(`[hindsight] ${line}`);
const port = Number(process.env.PORT ?? 3000);
const database = await prepareAppDatabase(log);
if (database.embedded && (await seedDemo(database.databaseUrl))) log(`Seeded the demo team: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);

const child = spawn(binary("next"), ["dev", "-p", String(port)], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: database.databaseUrl, NEXTAUTH_SECRET: database.secret, NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}` },
});

async function shutdown(code: number) {
  await stopChild(child);
  await database.embedded?.stop();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
child.on("exit", (code) => void shutdown(code ?? 0));
