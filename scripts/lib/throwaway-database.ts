import { randomBytes } from "node:crypto";
import pg from "pg";
import { withDatabase } from "./database-url";
import { applyMigrations } from "./migrate";

export type ThrowawayDatabase = { name: string; url: string; drop(): Promise<void> };

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database `<prefix>_<random>` on the server behind `serverUrl`, migrated from scratch
 * with our runner (unless `migrate: false`), dropped by `drop()` even while connections remain.
 */
export async function createThrowawayDatabase(serverUrl: string, prefix: string, options: { migrate?: boolean } = {}): Promise<ThrowawayDatabase> {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  await onServer(serverUrl, `CREATE DATABASE "${name}"`);
  const database = {
    name,
    url: withDatabase(serverUrl, name),
    drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
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
