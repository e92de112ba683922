import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

/** Runs one SQL statement and returns its rows; the app passes its Prisma client, tests a pg client. */
export type RunQuery = (sql: string) => Promise<Record<string, unknown>[]>;

export type CheckResult = { status: "ok" | "fail"; durationMs: number; message?: string; pending?: string[] };

export type Readiness = { status: "ok" | "fail"; checks: { database: CheckResult; migrations: CheckResult; collab: CheckResult } };

/** A probe must answer within a load balancer's timeout, so each check gives up after this. */
export const CHECK_TIMEOUT_MS = 2_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** A short reason that names the failure without echoing connection strings or SQL to a public probe. */
function reason(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as Error & { code?: unknown }).code;
    if (typeof code === "string" && code !== "") return code;
    if (error.message.startsWith("no answer within")) return error.message;
  }
  return "unreachable";
}

async function timed(work: () => Promise<Omit<CheckResult, "durationMs">>, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now();
  try {
    const result = await withTimeout(work(), timeoutMs);
    return { ...result, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: "fail", message: reason(error), durationMs: Math.round(performance.now() - started) };
  }
}

/** Migration folder names in `dir` (each holding a migration.sql), sorted as the runner applies them. */
export function migrationNames(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

export function checkDatabase(query: RunQuery, timeoutMs = CHECK_TIMEOUT_MS): Promise<CheckResult> {
  return timed(async () => {
    await query("SELECT 1");
    return { status: "ok" };
  }, timeoutMs);
}

/**
 * Current when every migration this code ships is applied and finished. Migrations the database
 * has and this code does not are fine: during a rolling deploy the new version migrates first
 * and the old instances keep serving until they are replaced.
 */
export function checkMigrations(query: RunQuery, migrationsDir: string, timeoutMs = CHECK_TIMEOUT_MS): Promise<CheckResult> {
  return timed(async () => {
    const rows = await query(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`);
    const applied = new Set(rows.map((row) => String(row.migration_name)));
    const pending = migrationNames(migrationsDir).filter((name) => !applied.has(name));
    return pending.length === 0 ? { status: "ok" } : { status: "fail", message: `${pending.length} migration(s) not applied`, pending };
  }, timeoutMs);
}

/** The collaboration server's own health endpoint answers 200 when it is listening. */
export function checkCollab(healthUrl: string, timeoutMs = CHECK_TIMEOUT_MS): Promise<CheckResult> {
  return timed(async () => {
    const response = await fetch(healthUrl, { signal: AbortSignal.timeout(timeoutMs), cache: "no-store" });
    await response.body?.cancel();
    return response.ok ? { status: "ok" } : { status: "fail", message: `HTTP ${response.status}` };
  }, timeoutMs);
}

export async function readiness(options: { query: RunQuery; migrationsDir: string; collabHealthUrl: string; timeoutMs?: number }): Promise<Readiness> {
  const timeoutMs = options.timeoutMs ?? CHECK_TIMEOUT_MS;
  const [database, collab] = await Promise.all([checkDatabase(options.query, timeoutMs), checkCollab(options.collabHealthUrl, timeoutMs)]);
  const migrations: CheckResult =
    database.status === "ok" ? await checkMigrations(options.query, options.migrationsDir, timeoutMs) : { status: "fail", message: "database unreachable", durationMs: 0 };
  const status = [database, migrations, collab].every((check) => check.status === "ok") ? "ok" : "fail";
  return { status, checks: { database, migrations, collab } };
}
