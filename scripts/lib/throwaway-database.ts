import { randomBytes } from "node:crypto";
import pg from "pg";
import { applyMigrations } from "./migrate";

export type ThrowawayDatabase = { url: string; drop(): Promise<void> };

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A fresh database on the server behind `serverUrl`, migrated from scratch (unless told not to), dropped by `drop()`. */
export async function createThrowawayDatabase(serverUrl: string, prefix: string, options: { migrate?: boolean } = {}): Promise<ThrowawayDatabase> {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  if (options.migrate !== false) await applyMigrations({ databaseUrl: url });
  return {
    url,
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}
