import { gunzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { createTeam, newUser, signUp, uniqueSlug } from "./fixtures";

test("load balancers get liveness and readiness, and every response names its request id", async ({ request }) => {
  const health = await request.get("/api/health", { headers: { "X-Request-Id": "lb-probe-0123456789" } });
  expect(health.status()).toBe(200);
  expect(health.headers()["x-request-id"]).toBe("lb-probe-0123456789");
  expect(await health.json()).toMatchObject({ status: "ok" });

  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);
  expect(ready.headers()["cache-control"]).toBe("no-store");
  expect(await ready.json()).toMatchObject({ status: "ok", checks: { database: { status: "ok" }, migrations: { status: "ok" }, collab: { status: "ok" } } });

  const page = await request.get("/sign-in", { headers: { "X-Request-Id": "not a sane id" } });
  expect(page.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});

test("an owner downloads the whole team from Settings", async ({ page }) => {
  const owner = newUser("Export Owner");
  const slug = uniqueSlug("export");
  await signUp(page, owner);
  await createTeam(page, "Export Team", slug);
  await page.goto(`/t/${slug}/settings`);
  const card = page.getByRole("heading", { name: "Export the team" });
  await expect(card).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download export" }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${slug}-\\d{4}-\\d{2}-\\d{2}\\.hindsight\\.json\\.gz$`));
  const archive = JSON.parse(gunzipSync(readFileSync(await download.path())).toString("utf8")) as { format: string; team: { slug: string }; users: { email: string }[] };
  expect(archive).toMatchObject({ format: "hindsight-team-archive", team: { slug } });
  expect(archive.users.map((u) => u.email)).toContain(owner.email);
  await page.screenshot({ path: "test-results/ops-settings-export.png", fullPage: true });
});
