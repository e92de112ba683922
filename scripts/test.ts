import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { systemChromium } from "./lib/chromium";
import { binary, run } from "./lib/processes";
import { testServer } from "./lib/test-server";
import { createThrowawayDatabase } from "./lib/throwaway-database";
import { playwrightReport, vitestReport, type Failure } from "./lib/test-reports";

const HELP = `npm test [-- --unit | --e2e]

Runs every check and exits non-zero if any fails:
  unit  type check, lint, then vitest on a fresh migrated database
  e2e   next build, then the multi-instance and database-restart tests (scripts/lib/cluster.test.ts),
        then Playwright against the production web server (port 3100) on another fresh database
The databases are created on DATABASE_URL's server when it is set (only CREATE/DROP DATABASE is
done there), otherwise on an embedded PostgreSQL (.hindsight/test-pg), and dropped at the end.`;

const { values } = parseArgs({ options: { unit: { type: "boolean" }, e2e: { type: "boolean" }, help: { type: "boolean" } } });
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const runUnit = values.unit || !values.e2e;
const runE2e = values.e2e || !values.unit;

type Outcome = { name: string; ok: boolean; detail: string; seconds: number };
const outcomes: Outcome[] = [];
/** Named again under the summary, so the end of a long CI log says which tests failed and why. */
const failures: Failure[] = [];
const started = Date.now();
const reports = mkdtempSync(path.join(tmpdir(), "hindsight-test-reports-"));

/** Runs one phase, recording whether it passed, what it counted, and how long it took. */
async function phase(name: string, work: () => Promise<string | void>): Promise<boolean> {
  console.log(`\n▶ ${name}`);
  const phaseStarted = Date.now();
  const seconds = () => Math.round((Date.now() - phaseStarted) / 1000);
  try {
    const detail = (await work()) ?? "passed";
    outcomes.push({ name, ok: true, detail, seconds: seconds() });
    return true;
  } catch (error) {
    outcomes.push({ name, ok: false, detail: error instanceof Error ? error.message : String(error), seconds: seconds() });
    return false;
  }
}

/** Runs a test runner that writes a JSON report, and returns its counts whether or not it passed. */
async function runCounted(command: string, args: string[], env: NodeJS.ProcessEnv, read: () => { counts: string; failures: Failure[] }): Promise<string> {
  const exit = await run(command, args, { env }).then(
    () => null,
    (error: unknown) => error,
  );
  let counts: string;
  try {
    const report = read();
    counts = report.counts;
    failures.push(...report.failures);
  } catch {
    counts = "no report written";
  }
  if (exit) throw new Error(counts);
  return counts;
}

async function ensureBrowser(): Promise<void> {
  if (systemChromium() || existsSync(chromium.executablePath())) return;
  console.log("No Chromium found: installing Playwright's own (needs internet)…");
  await run(binary("playwright"), ["install", "chromium"]);
}

function printSummary(): void {
  const width = Math.max(...outcomes.map((o) => o.name.length));
  console.log(`\n${"─".repeat(72)}`);
  for (const o of outcomes) console.log(`${o.ok ? "✔" : "✖"} ${o.name.padEnd(width)}  ${`${o.seconds} s`.padStart(5)}  ${o.detail}`);
  const failed = outcomes.some((o) => !o.ok);
  for (const f of failures) console.log(`  ✖ ${f.where} › ${f.name}\n      ${f.reason}`);
  console.log(`${failed ? "✖ Tests failed" : "✔ All tests passed"} in ${Math.round((Date.now() - started) / 1000)} s`);
}

const CLUSTER_TEST = "scripts/lib/cluster.test.ts";

const server = await testServer();
try {
  const serverEnv = { ...process.env, TEST_SERVER_URL: server.url };
  if (runUnit) {
    await phase("Type check", () => run(binary("tsc"), ["--noEmit", "-p", "."]));
    await phase("Lint", () => run(binary("eslint"), ["."]));
    const report = path.join(reports, "vitest.json");
    await phase("Unit and integration tests (vitest)", () =>
      runCounted(binary("vitest"), ["run", `--exclude=${CLUSTER_TEST}`, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], serverEnv, () => vitestReport(report)),
    );
  }
  if (runE2e) {
    const built = await phase("Production build (next build)", () =>
      run(binary("next"), ["build"], { env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } }),
    );
    // Needs the production build: two web instances, an embedded PostgreSQL restarted under them, Redis.
    if (built) {
      const report = path.join(reports, "cluster.json");
      await phase("Several instances and faults (vitest)", () =>
        runCounted(binary("vitest"), ["run", CLUSTER_TEST, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], serverEnv, () => vitestReport(report)),
      );
    }
    if (built && (await phase("Browser", ensureBrowser))) {
      const database = await createThrowawayDatabase(server.url, "hindsight_e2e");
      const report = path.join(reports, "playwright.json");
      try {
        await phase("End-to-end tests (Playwright)", () =>
          runCounted(
            binary("playwright"),
            ["test", "--reporter=list,json"],
            {
              ...serverEnv,
              DATABASE_URL: database.url,
              NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e",
              PLAYWRIGHT_JSON_OUTPUT_FILE: report,
            },
            () => playwrightReport(report),
          ),
        );
      } finally {
        await database.drop();
      }
    }
  }
} finally {
  await server.embedded?.stop();
  rmSync(reports, { recursive: true, force: true });
}
printSummary();
process.exit(outcomes.some((o) => !o.ok) ? 1 : 0);
