import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

/** Prisma Migrate's own advisory-lock id, so this runner and `prisma migrate deploy` never overlap. */
const PRISMA_LOCK_ID = 72707369;

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

type Applied = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

export function checksum(sql: string): string {
  return createHash("sha256").update(sql).digest("hex");
}

/** Prisma accepts a migration whose file only differs in line endings; so do we. */
function checksumMatches(sql: string, recorded: string): boolean {
  const lf = sql.replace(/\r\n/g, "\n");
  return [checksum(sql), checksum(lf), checksum(lf.replace(/\n/g, "\r\n"))].includes(recorded);
}

export function listMigrations(dir = MIGRATIONS_DIR): { name: string; sql: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}

const markRolledBack = (name: string) => `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${name}' AND finished_at IS NULL;`;

const CREATE_TABLE = `
  CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`;

/**
 * Applies pending migrations exactly as `prisma migrate deploy` does — same table, checksums and
 * lock — using only `pg`, because Prisma's native schema engine cannot be downloaded everywhere.
 * Returns the names applied (empty when the database was up to date).
 */
export async function applyMigrations(options: { databaseUrl: string; migrationsDir?: string; log?: (line: string) => void }): Promise<string[]> {
  const log = options.log ?? (() => {});
  const migrations = listMigrations(options.migrationsDir);
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_LOCK_ID]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<Applied>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
    );
    const failed = rows.find((r) => !r.finished_at && !r.rolled_back_at);
    if (failed) {
      throw new MigrationError(
        `Migration ${failed.migration_name} failed earlier and is neither finished nor rolled back, so nothing more is applied (Prisma's P3009). ` +
          `Undo whatever part of it ran, mark it rolled back with ${markRolledBack(failed.migration_name)} ` +
          `(what \`prisma migrate resolve --rolled-back\` does), fix the file, and run again.`,
      );
    }
    const done = new Map(rows.filter((r) => r.finished_at).map((r) => [r.migration_name, r.checksum]));
    const known = new Set(migrations.map((m) => m.name));
    for (const name of done.keys()) {
      if (!known.has(name)) log(`warning: ${name} is applied in the database but missing from the migrations folder`);
    }
    const applied: string[] = [];
    for (const migration of migrations) {
      const recorded = done.get(migration.name);
      if (recorded !== undefined) {
        if (!checksumMatches(migration.sql, recorded)) {
          throw new MigrationError(
            `Migration ${migration.name} was edited after it was applied (its checksum changed). ` +
              `Restore the original file and put the change in a new migration.`,
          );
        }
        continue;
      }
      const id = randomUUID();
      await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ($1, $2, $3)`, [id, checksum(migration.sql), migration.name]);
      try {
        // One simple-protocol query: the file may hold many statements.
        await client.query(migration.sql);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await client.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, message]);
        throw new MigrationError(
          `Migration ${migration.name} failed: ${message}. Nothing after it was applied. ` +
            `Fix the file, mark it rolled back with ${markRolledBack(migration.name)}, and run again.`,
        );
      }
      await client.query(`UPDATE "_prisma_migrations" SET applied_steps_count = 1, finished_at = now() WHERE id = $1`, [id]);
      log(`applied ${migration.name}`);
      applied.push(migration.name);
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_LOCK_ID]).catch(() => undefined);
    await client.end();
  }
}
