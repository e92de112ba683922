import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openAppDatabase, type DatabaseServer } from "./database-server";
import { applyMigrations } from "./migrate";
import { inProject } from "./project-root";

export type AppDatabase = DatabaseServer & { secret: string };

const SECRET_FILE = inProject(".hindsight", "secret");

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
 * What `npm start` and `npm run dev` run on: the app's database, migrated, and a NEXTAUTH_SECRET
 * (the environment's, or one generated once and kept in .hindsight/secret).
 */
export async function prepareAppDatabase(log: (line: string) => void, dataDir?: string): Promise<AppDatabase> {
  const server = await openAppDatabase(log, dataDir);
  try {
    const applied = await applyMigrations({ databaseUrl: server.databaseUrl, log: (line) => log(`  ${line}`) });
    log(applied.length ? `Database migrated (${applied.length} migration${applied.length === 1 ? "" : "s"}).` : "Database is up to date.");
  } catch (error) {
    await server.embedded?.stop();
    throw error;
  }
  return { ...server, secret: process.env.NEXTAUTH_SECRET ?? persistentSecret() };
}
