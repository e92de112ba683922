import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { stopChild } from "./processes";
import { PROJECT_ROOT } from "./project-root";

export type Supervisor = {
  /** Starts a long-running process; if it exits on its own, everything stops. */
  start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess;
  /** Stops the processes (newest first), then runs `afterChildren`, then exits with `code`. */
  shutdown(code: number): Promise<never>;
};

function parentOf(pid: number): number | null {
  try {
    // /proc/<pid>/stat reads "pid (name) state ppid …"; the name may contain spaces.
    const [, afterName = ""] = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ");
    return Number(afterName.split(" ")[1]) || null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * `npm start` runs npm → sh -c → tsx → this script. A SIGTERM to npm is passed to the shell only,
 * which dies without passing it on; so under npm, the shell going away means stop.
 */
function onNpmShellGone(stop: () => void): void {
  if (!process.env.npm_lifecycle_event) return;
  const shell = parentOf(process.ppid);
  if (!shell || shell === 1) return;
  setInterval(() => {
    if (!isAlive(shell)) stop();
  }, 1000).unref();
}

/**
 * Owns the app's child processes and the order they stop in on Ctrl-C, SIGTERM or a crash:
 * children first, then whatever they depend on (the embedded database).
 */
export function createSupervisor(log: (line: string) => void, afterChildren: () => Promise<void>): Supervisor {
  const children: ChildProcess[] = [];
  let stopping: Promise<void> | null = null;

  async function shutdown(code: number): Promise<never> {
    stopping ??= (async () => {
      log("Stopping…");
      for (const child of [...children].reverse()) await stopChild(child);
      await afterChildren();
    })();
    await stopping;
    process.exit(code);
  }

  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  process.on("SIGHUP", () => void shutdown(0));
  onNpmShellGone(() => void shutdown(0));

  return {
    start(name, command, args, env) {
      const child = spawn(command, args, { cwd: PROJECT_ROOT, env, stdio: ["ignore", "inherit", "inherit"] });
      child.on("error", (error) => {
        log(`${name} could not start: ${error.message}`);
        void shutdown(1);
      });
      child.on("exit", (code, signal) => {
        if (stopping) return;
        log(`${name} exited (${signal ?? code}); stopping.`);
        void shutdown(code ?? 1);
      });
      children.push(child);
      return child;
    },
    shutdown,
  };
}
