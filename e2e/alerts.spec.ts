import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createTeam, newUser, signUp, uniqueSlug } from "./fixtures";

const fixture = (name: string) => readFileSync(new URL(`../lib/alerts/fixtures/${name}`, import.meta.url), "utf8");

/** Creates a source in Settings → Alert sources and reads the endpoint and the secret shown once. */
async function createSource(page: Page, slug: string, name: string, format: string) {
  await page.goto(`/t/${slug}/settings/alert-sources`);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Format").selectOption({ label: format });
  await page.getByRole("button", { name: "Create source" }).click();
  const endpoint = (await page.getByTestId("endpoint-url").textContent()) ?? "";
  const secret = (await page.getByTestId("source-secret").textContent()) ?? "";
  expect(endpoint).toMatch(/\/api\/alerts\/\w+$/);
  return { endpoint: new URL(endpoint).pathname, secret };
}

async function deliver(request: APIRequestContext, source: { endpoint: string; secret: string }, body: string, expected = 202) {
  const response = await request.post(source.endpoint, { data: body, headers: { authorization: `Bearer ${source.secret}`, "content-type": "application/json" } });
  expect(response.status(), await response.text()).toBe(expected);
}

test("Alertmanager group: an incident appears live with the alert's start, repeats count, resolve closes with a timeline line", async ({ page, request }) => {
  const slug = uniqueSlug("alerts");
  await signUp(page, newUser("Alert Admin"));
  await createTeam(page, "Alerting", slug);
  const source = await createSource(page, slug, "Prod Alertmanager", "Prometheus Alertmanager");

  await page.goto(`/t/${slug}/incidents`);
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
  await deliver(request, source, fixture("alertmanager-firing.json"));
  const item = page.getByRole("list", { name: "Incidents" }).getByRole("link").filter({ hasText: "Checkout error rate above 5%" });
  await expect(item).toBeVisible();
  // 18:02 UTC is 20:02 in the team's zone (Africa/Cairo).
  await expect(item).toContainText("20:02");

  await deliver(request, source, fixture("alertmanager-firing.json"));
  await page.goto(`/t/${slug}/alerts`);
  await expect(page.getByTestId("alert-count")).toHaveText(["×2", "×2"]);
  await expect(page.getByRole("link", { name: "INC-1" })).toHaveCount(2);

  await deliver(request, source, fixture("alertmanager-resolved.json"));
  await expect(page.getByTestId("alert-row").filter({ hasText: "Resolved" })).toHaveCount(2);
  await page.getByRole("link", { name: "INC-1" }).first().click();
  await expect(page.getByText("Alert resolved at Prod Alertmanager: Checkout error rate above 5%.").first()).toBeVisible();
});

test("PagerDuty v2 trigger/resolve by dedup key, and a generic source that works after previewing its mapping", async ({ page, request }) => {
  const slug = uniqueSlug("alerts");
  await signUp(page, newUser("Alert Admin"));
  await createTeam(page, "Scripts", slug);

  const pagerDuty = await createSource(page, slug, "Cron jobs", "PagerDuty Events API v2");
  await deliver(request, pagerDuty, fixture("pagerduty-trigger.json"));
  await deliver(request, pagerDuty, fixture("pagerduty-resolve.json"));
  await page.goto(`/t/${slug}/alerts`);
  const row = page.getByTestId("alert-row").filter({ hasText: "Disk /var is 98% full on srv01.example.com" });
  await expect(row).toContainText("Resolved");
  await row.getByRole("link", { name: "INC-1" }).click();
  await expect(page.getByText("Alert resolved at Cron jobs: Disk /var is 98% full on srv01.example.com.")).toBeVisible();

  const generic = await createSource(page, slug, "Home-made checks", "Generic JSON (mapping)");
  // No mapping yet: refused with a message the sender's log shows, but kept for the preview.
  await deliver(request, generic, fixture("generic.json"), 422);
  await page.getByRole("link", { name: "Edit its format, mapping and routing rules" }).click();
  await page.getByLabel("Mapping (JSONata)").fill('{ "title": check.name & " on " & check.host, "severity": $lowercase(level), "dedupKey": check.name & "/" & check.host, "startsAt": since, "labels": tags }');
  await page.getByRole("button", { name: "Preview mapping on the last bodies" }).click();
  await expect(page.getByTestId("preview-result").first()).toContainText('"title": "api-latency on api-3"');
  await page.getByRole("button", { name: "Save source" }).click();
  await expect(page.getByText("Source saved.")).toBeVisible();
  await deliver(request, generic, fixture("generic.json"));
  await page.goto(`/t/${slug}/alerts`);
  await expect(page.getByTestId("alert-row").filter({ hasText: "api-latency on api-3" })).toContainText("INC-2");
});
