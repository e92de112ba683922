import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedServer } from "./embedded-postgres";
import { inProject } from "./project-root";

const APP_DATA_DIR = inProject(".hindsight", "pg");
const APP_DATABASE = "hindsight";
/** Preferred port of the embedded server (any free one when taken); never 5432, which a system PostgreSQL may use. */
const EMBEDDED_PORT = 54329;

export type DatabaseServer = { databaseUrl: string; embedded: EmbeddedServer | null };

/**
 * The app's database: DATABASE_URL when set, otherwise database "hindsight" on the embedded
 * server kept in .hindsight/pg (started here, or joined when another script already runs it).
 */
export async function openAppDatabase(log: (line: string) => void, dataDir = APP_DATA_DIR): Promise<DatabaseServer> {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) return { databaseUrl, embedded: null };
  const shown = dataDir.startsWith(process.cwd()) ? path.relative(process.cwd(), dataDir) : dataDir;
  log(`No DATABASE_URL: using the embedded PostgreSQL (data in ${shown})…`);
  const embedded = await startEmbeddedPostgres({ dataDir, port: EMBEDDED_PORT, log });
  try {
    await embedded.createDatabase(APP_DATABASE);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { databaseUrl: embedded.url(APP_DATABASE), embedded };
}

/** Runs `work` on the app's database, stopping the embedded server afterwards if it started one. */
export async function withDatabaseServer(work: (databaseUrl: string) => Promise<void>): Promise<void> {
  const { databaseUrl, embedded } = await openAppDatabase((line) => console.log(line));
  try {
    await work(databaseUrl);
  } finally {
    await embedded?.stop();
  }
}
