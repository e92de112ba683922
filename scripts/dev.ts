import { prepareAppDatabase } from "./lib/app-database";
import { binary } from "./lib/processes";
import { createSupervisor } from "./lib/supervisor";
import { DEMO_LOGIN, seedDemo } from "./db-seed";

/** `npm run dev`: the same database as `npm start` (embedded unless DATABASE_URL is set), then `next dev`. */
const log = (line: string) => console.log(`[hindsight] ${line}`);
const port = Number(process.env.PORT ?? 3000);

const database = await prepareAppDatabase(log).catch((error: unknown) => {
  log(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
const supervisor = createSupervisor(log, async () => {
  await database.embedded?.stop();
});

try {
  if (database.embedded && (await seedDemo(database.databaseUrl))) log("Seeded a demo team with a resolved incident.");
} catch (error) {
  console.error(error);
  await supervisor.shutdown(1);
}
if (database.embedded) log(`Demo sign-in: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);

supervisor.start("next dev", binary("next"), ["dev", "-p", String(port)], {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1",
  DATABASE_URL: database.databaseUrl,
  NEXTAUTH_SECRET: database.secret,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
});
