import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { APP_DATA_DIR, APP_DATABASE, EMBEDDED_PORT } from "./database-server";
import { startEmbeddedPostgres, type EmbeddedServer } from "./embedded-postgres";
import { applyMigrations } from "./migrate";

export type AppDatabase = { databaseUrl: string; embedded: EmbeddedServer | null; secret: string };

const SECRET_FILE = path.resolve(".hindsight/secret");

/** A NEXTAUTH_SECRET that survives restarts, so sessions do too. */
function persistentSecret(): string {
  if (existsSync(SECRET_FILE)) return readFileSync(SECRET_FILE, "utf8").trim();
  mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(SECRET_FILE, secret, { mode: 0o600 });
  chmodSync(SECRET_FILE, 0o600);
  return secret;
}

/**
 * The database the app runs on: DATABASE_URL when set, otherwise the embedded server with its
 * data in .hindsight/pg. Either way it is migrated before the app starts.
 */
export async function prepareAppDatabase(log: (line: string) => void): Promise<AppDatabase> {
  let databaseUrl = process.env.DATABASE_URL;
  let embedded: EmbeddedServer | null = null;
  if (!databaseUrl) {
    log("No DATABASE_URL: starting the embedded PostgreSQL (data in .hindsight/pg)…");
    embedded = await startEmbeddedPostgres({ dataDir: APP_DATA_DIR, port: EMBEDDED_PORT, log });
    await embedded.createDatabase(APP_DATABASE);
    databaseUrl = embedded.url(APP_DATABASE);
  }
  try {
    const applied = await applyMigrations({ databaseUrl, log: (line) => log(`  ${line}`) });
    log(applied.length ? `Database migrated (${applied.length} migration${applied.length === 1 ? "" : "s"}).` : "Database is up to date.");
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return { databaseUrl, embedded, secret: process.env.NEXTAUTH_SECRET ?? persistentSecret() };
}
