import { DEMO_LOGIN, seedDemo } from "../db-seed";
import { prepareAppDatabase, type AppDatabase } from "./app-database";
import { createSupervisor, type RestartPolicy, type Supervisor } from "./supervisor";

export type Log = (line: string) => void;

/**
 * What `npm start` and `npm run dev` share: the database (migrated; on the embedded server, seeded
 * once with the demo team) and a supervisor that stops the app's processes, then Postgres.
 */
export async function bootApp(
  log: Log,
  options: { dataDir?: string; restartPolicy?: RestartPolicy } = {},
): Promise<{ database: AppDatabase; supervisor: Supervisor; demoLogin: string | null }> {
  const database = await prepareAppDatabase(log, options.dataDir).catch((error: unknown) => {
    log(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
  const supervisor = createSupervisor(
    log,
    async () => {
      await database.embedded?.stop();
    },
    options.restartPolicy,
  );
  try {
    if (database.embedded && (await seedDemo(database.databaseUrl))) log("Seeded a demo team: a resolved incident with its postmortem, and a year of incidents for Insights.");
  } catch (error) {
    console.error(error);
    await supervisor.shutdown(1);
  }
  return { database, supervisor, demoLogin: database.embedded ? `${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}` : null };
}
