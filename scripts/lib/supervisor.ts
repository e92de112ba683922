import { spawn, type ChildProcess } from "node:child_process";
import { stopChild } from "./processes";
import { PROJECT_ROOT } from "./project-root";

export type RestartPolicy = {
  /** This many crashes within `windowMs` is a crash loop: everything stops. */
  maxCrashes: number;
  windowMs: number;
  /** Wait before the first restart; doubled for each further crash in the window, up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
};

const DEFAULT_POLICY: RestartPolicy = { maxCrashes: 5, windowMs: 60_000, firstDelayMs: 1000, maxDelayMs: 15_000 };

export type Supervisor = {
  /** Starts a long-running process, restarted (with backoff) when it exits on its own. */
  start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): void;
  /** Stops the processes (newest first), then runs `afterChildren`, then exits with `code`. */
  shutdown(code: number): Promise<never>;
};

/**
 * Owns the app's child processes and the order they stop in on Ctrl-C or SIGTERM: children first
 * (the web server stops taking requests, the collaboration server stores every open document),
 * then whatever they depend on (the embedded database, which a terminal's Ctrl-C does not reach).
 * A child that crashes is started again; only a crash loop stops the app. Small and ours because
 * it must also own the database's lifetime, which process managers (pm2, systemd) do not see.
 */
export function createSupervisor(log: (line: string) => void, afterChildren: () => Promise<void>, policy: RestartPolicy = DEFAULT_POLICY): Supervisor {
  const running = new Map<string, ChildProcess>();
  const order: string[] = [];
  const restarts = new Set<NodeJS.Timeout>();
  let stopping: Promise<void> | null = null;

  async function shutdown(code: number): Promise<never> {
    stopping ??= (async () => {
      log("Stopping…");
      for (const timer of restarts) clearTimeout(timer);
      for (const name of [...order].reverse()) {
        const child = running.get(name);
        if (child) await stopChild(child);
      }
      await afterChildren();
    })();
    await stopping;
    process.exit(code);
  }

  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  process.on("SIGHUP", () => void shutdown(0));

  function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, crashes: number[] = []): void {
    if (!order.includes(name)) order.push(name);
    const child = spawn(command, args, { cwd: PROJECT_ROOT, env, stdio: ["ignore", "inherit", "inherit"] });
    running.set(name, child);
    const crashed = (how: string) => {
      if (stopping || running.get(name) !== child) return;
      running.delete(name);
      const now = Date.now();
      const recent = [...crashes.filter((at) => now - at < policy.windowMs), now];
      if (recent.length >= policy.maxCrashes) {
        log(`${name} ${how} and has crashed ${recent.length} times in ${Math.round(policy.windowMs / 1000)} s: it is crash-looping, so Hindsight stops. See its output above.`);
        void shutdown(1);
        return;
      }
      const delayMs = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (recent.length - 1));
      log(`${name} ${how}; restarting it in ${(delayMs / 1000).toFixed(1)} s (crash ${recent.length} of ${policy.maxCrashes} allowed in ${Math.round(policy.windowMs / 1000)} s).`);
      const timer = setTimeout(() => {
        restarts.delete(timer);
        if (!stopping) start(name, command, args, env, recent);
      }, delayMs);
      restarts.add(timer);
    };
    child.on("error", (error) => crashed(`could not start (${error.message})`));
    child.on("exit", (code, signal) => crashed(`exited (${signal ?? code})`));
  }

  return { start, shutdown };
}
