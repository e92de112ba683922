import path from "node:path";
import { startEmbeddedPostgres } from "./embedded-postgres";

export const APP_DATA_DIR = path.resolve(".hindsight/pg");
export const APP_DATABASE = "hindsight";
export const EMBEDDED_PORT = 54329;

/**
 * Runs `work` with a database URL: DATABASE_URL when set, otherwise the embedded development
 * server in .hindsight/pg (started for the call, stopped after).
 */
export async function withDatabaseServer(work: (databaseUrl: string) => Promise<void>): Promise<void> {
  if (process.env.DATABASE_URL) return work(process.env.DATABASE_URL);
  const server = await startEmbeddedPostgres({ dataDir: APP_DATA_DIR, port: EMBEDDED_PORT, log: console.log });
  try {
    await server.createDatabase(APP_DATABASE);
    await work(server.url(APP_DATABASE));
  } finally {
    await server.stop();
  }
}
