import { defineConfig, devices } from "@playwright/test";
import { systemChromium } from "./scripts/lib/chromium";
import { collabPort } from "./lib/collab/port";
import { OIDC_E2E } from "./e2e/oidc-config";
import { E2E_SLACK_PORT } from "./e2e/slack-config";
import { E2E_SMTP_PORT } from "./e2e/mail-config";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
/** Must match the COLLAB_PORT the app was built with (the /collab proxy is fixed at build). */
const COLLAB_PORT = collabPort();

/** End-to-end tests write users and teams: refuse anything but a database on this machine. */
function assertLocalDatabase(): void {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run the e2e tests through `npm test` (or `npm test -- --e2e`).");
  // An empty host is a Unix socket on this machine.
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]", ""].includes(host) && process.env.E2E_ALLOW_REMOTE_DB !== "1") {
    throw new Error(`Refusing to run e2e tests against ${host}: they write test data. Set E2E_ALLOW_REMOTE_DB=1 if you really mean it.`);
  }
}
assertLocalDatabase();

const executablePath = systemChromium();

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  // Two cores: one for the browser, one for the server.
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  // Multi-person flows run near a minute when both workers are busy on two cores.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath,
          args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
        },
      },
    },
  ],
  webServer: [
    {
      command: `${process.execPath} --import tsx scripts/collab.ts`,
      port: COLLAB_PORT,
      reuseExistingServer: false,
      // Multi-person flows run near a minute when both workers are busy on two cores.
  timeout: 120_000,
      env: { COLLAB_PORT: String(COLLAB_PORT) },
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // The production web server: Next.js behind the public-page cache, as `npm start` runs it.
      command: `${process.execPath} --import tsx scripts/web.ts`,
      url: `http://localhost:${E2E_PORT}/sign-in`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        NEXTAUTH_URL: `http://localhost:${E2E_PORT}`,
        PORT: String(E2E_PORT),
        SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
        MAIL_FROM: "Hindsight <hindsight@e2e.test>",
        // e2e/oidc.spec.ts starts this issuer; other specs just see one more sign-in button.
        OIDC_ISSUER: OIDC_E2E.issuer,
        OIDC_CLIENT_ID: OIDC_E2E.clientId,
        OIDC_CLIENT_SECRET: OIDC_E2E.clientSecret,
        OIDC_NAME: OIDC_E2E.name,
        // Outbound deliveries reach the specs' receivers on loopback (and only there).
        OUTBOUND_ALLOW_PRIVATE: "127.0.0.0/8,::1/128",
        SLACK_API_URL: `http://127.0.0.1:${E2E_SLACK_PORT}/api`,
      },
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
