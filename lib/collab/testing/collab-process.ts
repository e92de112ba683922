import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export type CollabProcess = { child: ChildProcess; output: () => string; exited: () => boolean; stop(): Promise<void> };

/** `scripts/collab.ts` as its own process (as `npm start` runs it), resolved once it listens. */
export async function spawnCollab(port: number, env: Record<string, string> = {}): Promise<CollabProcess> {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/collab.ts"], {
    env: { ...process.env, COLLAB_PORT: String(port), COLLAB_DEBOUNCE_MS: "60000", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("listening")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`collab server exited with ${code}: ${output}`)));
  });
  return {
    child,
    output: () => output,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}
