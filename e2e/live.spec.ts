import { expect, test, type Page } from "@playwright/test";
import { Client } from "pg";
import { createTeam, newUser, signIn, signUp, uniqueSlug } from "./fixtures";

async function declare(page: Page, slug: string, title: string) {
  await page.goto(`/t/${slug}/incidents/new`);
  await page.getByLabel("What is happening?").fill(title);
  await page.getByLabel("What is happening?").press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

async function addEvent(page: Page, kind: string, body: string) {
  await page.getByLabel("Kind").selectOption({ label: kind });
  await page.getByLabel("What happened").fill(body);
  await page.getByLabel("What happened").press("Enter");
  await expect(page.getByTestId("timeline-body").filter({ hasText: body })).toBeVisible();
}

const eventWith = (page: Page, text: string) => page.getByTestId("timeline-event").filter({ hasText: text });

test("a second browser sees events added, starred and deleted live, as data, without reloading", async ({ page, browser }) => {
  const owner = newUser("Live Writer");
  await signUp(page, owner);
  const slug = uniqueSlug("stream");
  await createTeam(page, "Stream", slug);
  await declare(page, slug, "Queue backlog growing");
  const url = page.url();

  const second = await browser.newContext();
  const other = await second.newPage();
  await signIn(other, owner);
  await other.goto(url);
  await expect(other.locator("[data-live=on]")).toBeVisible();
  await expect(page.locator("[data-live=on]")).toBeVisible();
  // Survives only if the page is never reloaded; and no page re-render is requested for a change.
  await other.evaluate(() => Object.assign(window, { sameDocument: true }));
  const rerenders: string[] = [];
  other.on("request", (request) => {
    const headers = request.headers();
    if (headers["rsc"] === "1" && !headers["next-router-prefetch"]) rerenders.push(request.url());
  });

  await addEvent(page, "Action", "Drained node three from the pool");
  await expect(eventWith(other, "Drained node three from the pool")).toBeVisible({ timeout: 2_000 });

  await eventWith(page, "Drained node three from the pool").getByRole("button", { name: "☆ Star" }).click();
  await expect(eventWith(other, "Drained node three from the pool").getByLabel("Key event")).toBeVisible({ timeout: 2_000 });

  page.once("dialog", (dialog) => void dialog.accept());
  await eventWith(page, "Drained node three from the pool").getByRole("button", { name: "Delete" }).click();
  await expect(eventWith(other, "Drained node three from the pool")).toHaveCount(0, { timeout: 2_000 });

  expect(await other.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  expect(rerenders).toEqual([]);
  await second.close();
});

test("a long timeline opens on its newest events and starred ones; older ones load on demand; search finds any", async ({ page }, testInfo) => {
  await signUp(page, newUser("Long Haul"));
  const slug = uniqueSlug("long");
  await createTeam(page, "Long", slug, "Europe/Berlin");
  await declare(page, slug, "Slow checkout for hours");

  // 160 events written over a long night, the fourth one starred: seeded straight into the database.
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "TimelineEvent" (id, "teamId", "incidentId", "occurredAt", kind, body, source, "authorId", starred, "createdAt", "updatedAt")
       SELECT 'e2e-' || i.id || '-' || k, i."teamId", i.id, timestamptz '2025-03-01 20:00Z' + k * interval '3 minutes', 'NOTE',
              'Bulk line ' || k || ' about the checkout', 'USER', m."userId", k = 3, timestamptz '2025-03-01 20:00Z' + k * interval '3 minutes', now()
       FROM "Incident" i JOIN "Team" t ON t.id = i."teamId" JOIN "Membership" m ON m."teamId" = t.id, generate_series(0, 159) k
       WHERE t.slug = $1`,
      [slug],
    );
  } finally {
    await client.end();
  }
  await page.reload();

  await expect(eventWith(page, "Bulk line 159 about")).toBeVisible();
  await expect(eventWith(page, "Bulk line 10 about")).toHaveCount(0);
  const keyEvents = page.getByTestId("starred-earlier");
  await expect(keyEvents).toContainText("Bulk line 3 about the checkout");
  await page.getByRole("button", { name: "Show earlier events" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("incident-page-windowed.png") });

  // 25 on the first screen, 100 more per click: two clicks reach the beginning.
  await expect(eventWith(page, "Bulk line 130 about")).toHaveCount(0);
  const earlier = page.getByRole("button", { name: "Show earlier events" });
  await earlier.click();
  await expect(eventWith(page, "Bulk line 40 about")).toBeVisible();
  await expect(eventWith(page, "Bulk line 10 about")).toHaveCount(0);
  await earlier.click();
  await expect(eventWith(page, "Bulk line 10 about")).toBeVisible();
  await expect(earlier).toHaveCount(0);
  // Loaded in place, the starred one now sits in the timeline itself.
  await expect(keyEvents).toHaveCount(0);
  await eventWith(page, "Bulk line 3 about").scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("incident-page-earlier-loaded.png") });

  await page.getByLabel("Search this timeline").fill("\"Bulk line 42\"");
  await page.getByLabel("Search this timeline").press("Enter");
  await expect(page).toHaveURL(/q=/);
  await expect(page.getByTestId("timeline-event")).toHaveCount(1);
  await expect(eventWith(page, "Bulk line 42 about")).toBeVisible();
  await page.getByRole("link", { name: "Clear search" }).click();
  await expect(eventWith(page, "Bulk line 159 about")).toBeVisible();
});
