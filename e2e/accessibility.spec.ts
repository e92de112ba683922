import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { axeReport } from "./axe";
import { signIn } from "./fixtures";

// axe is injected into pages whose policy allows only their own scripts.
test.use({ bypassCSP: true });

const DEMO = { name: "Dana Demo", email: "demo@hindsight.local", password: "hindsight-demo" };

test("axe finds nothing on the main pages, light and dark", async ({ page }) => {
  test.setTimeout(120_000);
  // The demo team, published (a full timeline, tasks, people and a written postmortem): one process, seconds.
  const publicPath = execFileSync(process.execPath, ["--import", "tsx", "e2e/demo-site.ts"], { encoding: "utf8" }).trim().split("\n").at(-1)!;
  expect(publicPath).toMatch(/^\/p\//);
  await signIn(page, DEMO);
  const pages: [string, string, () => Promise<void>][] = [
    ["incident list", "/t/demo/incidents", () => expect(page.getByRole("heading", { level: 1 })).toBeVisible()],
    ["incident page", "/t/demo/incidents/1", () => expect(page.getByTestId("timeline")).toBeVisible()],
    ["postmortem editor", "/t/demo/incidents/1/postmortem", () => expect(page.locator(".postmortem-doc h2").first()).toBeVisible({ timeout: 20_000 })],
    ["review", "/t/demo/incidents/1/postmortem/review", () => expect(page.getByRole("list", { name: "Sign-off policy" })).toBeVisible()],
    ["notifications", "/notifications", () => expect(page.getByRole("heading", { level: 1 })).toBeVisible()],
    ["settings", "/t/demo/settings", () => expect(page.getByRole("heading", { level: 1 })).toBeVisible()],
    ["publishing settings", "/t/demo/settings/publishing", () => expect(page.getByLabel("Accent colour of public pages")).toBeVisible()],
    ["public page", publicPath, () => expect(page.getByRole("heading", { level: 1 })).toBeVisible()],
  ];
  const found: string[] = [];
  // Each page is loaded once and scanned in both schemes: the app and the public page follow the system's.
  for (const [name, path, ready] of pages) {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(path);
    await ready();
    // No colour transitions: the dark scan must see the dark colours, not a frame on the way.
    await page.addStyleTag({ content: "*, *::before, *::after { transition: none !important; }" });
    found.push(await axeReport(page, `${name} (light)`));
    await page.emulateMedia({ colorScheme: "dark" });
    found.push(await axeReport(page, `${name} (dark)`));
  }
  expect(found.filter(Boolean).join("\n")).toBe("");
});
