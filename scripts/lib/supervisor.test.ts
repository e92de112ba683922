import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { RestartPolicy } from "./supervisor";

const scratch = mkdtempSync(path.join(tmpdir(), "hindsight-supervisor-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A child that counts its starts in `file` and crashes (exit 3) on the first `crashes` of them, then stays up. */
const crashingChild = (file: string, crashes: number) => [
  "-e",
  `const fs = require("node:fs"); const n = (fs.existsSync(${JSON.stringify(file)}) ? Number(fs.readFileSync(${JSON.stringify(file)}, "utf8")) : 0) + 1;
   fs.writeFileSync(${JSON.stringify(file)}, String(n)); if (n <= ${crashes}) process.exit(3); setInterval(() => {}, 1000);`,
];

function supervise(policy: RestartPolicy, args: string[]) {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/lib/testing/supervise-command.ts", JSON.stringify(policy), process.execPath, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, exit, output: () => output };
}

async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("the supervisor of `npm start`", () => {
  it("restarts a crashed child with backoff and a log line, and keeps running", async () => {
    const starts = path.join(scratch, "restarts");
    const run = supervise({ maxCrashes: 5, windowMs: 60_000, firstDelayMs: 100, maxDelayMs: 1000 }, crashingChild(starts, 2));
    try {
      await until(() => existsSync(starts) && readFileSync(starts, "utf8") === "3", "the third start");
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(run.child.exitCode).toBeNull();
      expect(run.output()).toContain("child exited (3); restarting it in 0.1 s (crash 1 of 5 allowed in 60 s).");
      expect(run.output()).toContain("child exited (3); restarting it in 0.2 s (crash 2 of 5 allowed in 60 s).");
      expect(run.output()).not.toContain("Stopping");
    } finally {
      run.child.kill("SIGTERM");
    }
    expect(await run.exit).toBe(0);
    expect(run.output()).toMatch(/Stopping…[\s\S]*after children/);
  }, 30_000);

  it("stops everything, with a clear message and a failing exit code, when a child crash-loops", async () => {
    const run = supervise({ maxCrashes: 3, windowMs: 60_000, firstDelayMs: 50, maxDelayMs: 200 }, crashingChild(path.join(scratch, "loop"), 1000));
    expect(await run.exit).toBe(1);
    expect(run.output()).toContain("child exited (3) and has crashed 3 times in 60 s: it is crash-looping, so Hindsight stops.");
    expect(run.output()).toMatch(/Stopping…[\s\S]*after children/);
  }, 30_000);
});
