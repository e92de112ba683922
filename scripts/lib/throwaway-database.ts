import { randomBytes } from "node:crypto";
import { runSql } from "./run-sql";
import { withDatabase } from "./database-url";
import { applyMigrations } from "./migrate";

export type ThrowawayDatabase = { name: string; url: string; drop(): Promise<void> };

/**
 * A fresh database `<prefix>_<random>` on the server behind `serverUrl`, migrated from scratch
 * with our runner (unless `migrate: false`), dropped by `drop()` even while connections remain.
 */
export async function createThrowawayDatabase(serverUrl: string, prefix: string, options: { migrate?: boolean } = {}): Promise<ThrowawayDatabase> {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  await runSql(serverUrl, `CREATE DATABASE "${name}"`);
  const database = {
    name,
    url: withDatabase(serverUrl, name),
    drop: async () => {
      await runSql(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
  if (options.migrate !== false) {
    try {
      await applyMigrations({ databaseUrl: database.url });
    } catch (error) {
      await database.drop();
      throw error;
    }
  }
  return database;
}
