import { spawn, spawnSync } from "node:child_process";
import pg from "pg";

export class PgToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PgToolError";
  }
}

/** The schema that holds the app's tables and migration history. pg-boss's queue ("pgboss") is left out: it is rebuilt on start. */
export const APP_SCHEMA = "public";

/** The major version of a PostgreSQL client program, or null when it cannot be run. */
export function toolMajorVersion(program: string): number | null {
  const result = spawnSync(program, ["--version"], { encoding: "utf8" });
  if (result.status !== 0) return null;
  const match = /(\d+)(?:\.\d+)?/.exec(result.stdout);
  return match ? Number(match[1]) : null;
}

export async function serverMajorVersion(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version_num: string }>("SHOW server_version_num");
    return Math.floor(Number(rows[0]?.server_version_num) / 10_000);
  } finally {
    await client.end();
  }
}

/**
 * The pg_dump or pg_restore to use against `databaseUrl`: PG_DUMP / PG_RESTORE or the one on the
 * PATH, refused unless it is at least the server's major version (an older pg_dump cannot read
 * a newer server's catalog). The embedded PostgreSQL ships no client programs.
 */
export async function pgTool(kind: "pg_dump" | "pg_restore", databaseUrl: string): Promise<string> {
  const program = (kind === "pg_dump" ? process.env.PG_DUMP : process.env.PG_RESTORE) || kind;
  const toolMajor = toolMajorVersion(program);
  if (toolMajor === null) {
    throw new PgToolError(`${program} was not found. Install PostgreSQL's client programs (Debian/Ubuntu: apt-get install postgresql-client) or set ${kind === "pg_dump" ? "PG_DUMP" : "PG_RESTORE"} to one.`);
  }
  const serverMajor = await serverMajorVersion(databaseUrl);
  if (toolMajor < serverMajor) {
    throw new PgToolError(`${program} is version ${toolMajor}, older than the PostgreSQL ${serverMajor} server; install the client programs of version ${serverMajor} or newer.`);
  }
  return program;
}

/**
 * libpq takes the connection string as the database name; passing it through the environment
 * instead of the command line keeps the password out of `ps`.
 */
function connectionEnv(databaseUrl: string): NodeJS.ProcessEnv {
  const url = new URL(databaseUrl);
  const env: NodeJS.ProcessEnv = { ...process.env, PGHOST: decodeURIComponent(url.hostname.replace(/^\[|\]$/g, "")), PGPORT: url.port || "5432", PGDATABASE: decodeURIComponent(url.pathname.slice(1)), PGUSER: decodeURIComponent(url.username) };
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  const sslmode = url.searchParams.get("sslmode");
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

export function runTool(program: string, args: string[], databaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let errors = "";
    const child = spawn(program, args, { env: connectionEnv(databaseUrl), stdio: ["ignore", "inherit", "pipe"] });
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new PgToolError(`${program} failed (exit ${code}): ${errors.trim()}`))));
  });
}

/** A custom-format archive of the app's schema: tables, data, indexes, triggers and the migration history. */
export async function backupDatabase(databaseUrl: string, file: string): Promise<void> {
  const program = await pgTool("pg_dump", databaseUrl);
  await runTool(program, ["--format=custom", `--schema=${APP_SCHEMA}`, "--no-owner", "--no-privileges", `--file=${file}`], databaseUrl);
}

/** Tables the app's schema holds, for refusing to restore over data. */
export async function appTableCount(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM pg_tables WHERE schemaname = $1`, [APP_SCHEMA]);
    return rows[0]?.count ?? 0;
  } finally {
    await client.end();
  }
}

/**
 * Restores an archive in one transaction (all or nothing). Into an empty database unless `replace`
 * is given, which drops the app's objects first: a restore never mixes two databases' rows.
 */
export async function restoreDatabase(databaseUrl: string, file: string, options: { replace?: boolean } = {}): Promise<void> {
  const program = await pgTool("pg_restore", databaseUrl);
  if (!options.replace && (await appTableCount(databaseUrl)) > 0) {
    throw new PgToolError("The target database already has Hindsight's tables. Restore into an empty database, or pass --replace to drop what is there first.");
  }
  // --clean even into an empty database: the archive creates the schema itself, which a new database already has.
  const args = ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--clean", "--if-exists", `--dbname=${new URL(databaseUrl).pathname.slice(1)}`];
  await runTool(program, [...args, file], databaseUrl);
}
