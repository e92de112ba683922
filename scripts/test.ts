import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { systemChromium } from "./lib/chromium";
import { binary, run } from "./lib/processes";
import { testServer } from "./lib/test-server";
import { createThrowawayDatabase } from "./lib/throwaway-database";

/**
 * `npm test`: unit and integration tests (vitest, a fresh database), then end-to-end tests
 * (Playwright against a production build and another fresh database). With no DATABASE_URL
 * both run on an embedded PostgreSQL, so a fresh machine needs nothing but Node.
 */
const { values } = parseArgs({ options: { unit: { type: "boolean" }, e2e: { type: "boolean" } } });
const runUnit = values.unit || !values.e2e;
const runE2e = values.e2e || !values.unit;

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const server = await testServer();
process.env.TEST_SERVER_URL = server.url;

async function ensureBrowser(): Promise<void> {
  if (systemChromium() || existsSync(chromium.executablePath())) return;
  console.log("No Chromium found: installing Playwright's own (needs internet)…");
  await run(binary("playwright"), ["install", "chromium"]);
}

let failed = false;
try {
  if (runUnit) {
    console.log("\n▶ Type check and lint");
    await run(binary("tsc"), ["--noEmit", "-p", "."]).catch((error: unknown) => {
      failed = true;
      console.error(String(error));
    });
    await run(binary("eslint"), ["."]).catch((error: unknown) => {
      failed = true;
      console.error(String(error));
    });
    console.log("\n▶ Unit and integration tests (vitest)");
    await run(binary("vitest"), ["run"]).catch((error: unknown) => {
      failed = true;
      console.error(String(error));
    });
    console.log(`  done at ${elapsed()}`);
  }
  if (runE2e && !failed) {
    console.log("\n▶ Production build for the end-to-end tests");
    await run(binary("next"), ["build"], { env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } });
    await ensureBrowser();
    const database = await createThrowawayDatabase(server.url, "hindsight_e2e");
    console.log(`\n▶ End-to-end tests (Playwright) at ${elapsed()}`);
    try {
      await run(binary("playwright"), ["test"], {
        env: { ...process.env, DATABASE_URL: database.url, NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e" },
      });
    } catch (error) {
      failed = true;
      console.error(String(error));
    } finally {
      await database.drop();
    }
  }
} finally {
  await server.embedded?.stop();
}
console.log(`\n${failed ? "✖ Tests failed" : "✔ All tests passed"} in ${elapsed()}`);
process.exit(failed ? 1 : 0);
