import { expect, test, type Page } from "@playwright/test";
import { createTeam, fillZonedTime, inviteNewMember, newUser, signIn, signUp, uniqueSlug } from "./fixtures";

async function declare(page: Page, slug: string, title: string) {
  await page.goto(`/t/${slug}/incidents`);
  // The shortcut listens once the page has hydrated; retry the key press until it has.
  await expect(async () => {
    await page.keyboard.press("d");
    await expect(page).toHaveURL(new RegExp(`/t/${slug}/incidents/new$`), { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await page.getByLabel("What is happening?").fill(title);
  await page.getByLabel("What is happening?").press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

async function addEvent(page: Page, kind: string, body: string, time?: string) {
  await page.getByLabel("Kind").selectOption({ label: kind });
  if (time) await fillZonedTime(page, "When it happened (empty: now)", time.slice(0, 10), time.slice(11));
  await page.getByLabel("What happened").fill(body);
  await page.getByLabel("What happened").press("Enter");
  await expect(page.getByTestId("timeline-body").filter({ hasText: body })).toBeVisible();
}

test("declare an incident, build its timeline, resolve it and see the durations", async ({ page }) => {
  await signUp(page, newUser("Ivy Oncall"));
  const slug = uniqueSlug("ops");
  await createTeam(page, "Ops", slug, "Africa/Johannesburg");

  await declare(page, slug, "Management reports are not generated");
  await expect(page.getByText("Incident declared as SEV3. Status: Investigating.")).toBeVisible();

  await fillZonedTime(page, "Impact started", "2025-10-15", "08:00");
  await fillZonedTime(page, "Detected", "2025-10-15", "08:03");
  await page.getByRole("button", { name: "Save times" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();

  const story: [string, string, string][] = [
    ["Detection", "Automated reporting: reports not generated", "2025-10-15T08:03"],
    ["Action", "Ran curl diagnostics against the health endpoint", "2025-10-15T08:10"],
    ["Investigation", "Server load and traffic look normal", "2025-10-15T08:40"],
    ["Dead end", "strace shows nothing unusual", "2025-10-15T09:30"],
    ["Escalation", "Escalated to the development team", "2025-10-15T11:00"],
    ["Communication", "Status page updated", "2025-10-15T11:20"],
    ["Mitigation", "Added an index on reviews", "2025-10-15T15:45"],
    ["Resolution", "Backlog cleared", "2025-10-15T16:30"],
    ["Note", "Follow up on load testing", "2025-10-15T16:35"],
  ];
  for (const [kind, body, time] of story) await addEvent(page, kind, body, time);

  const kinds = await page.getByTestId("timeline-event").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-kind")));
  expect(kinds).toEqual(expect.arrayContaining(["DETECTION", "ACTION", "INVESTIGATION", "DEAD_END", "ESCALATION", "COMMUNICATION", "MITIGATION", "RESOLUTION", "NOTE"]));
  await expect(page.getByText("08:03 GMT+2").first()).toBeVisible();
  await expect(page.getByTestId("timeline-gap").first()).toContainText("with nothing recorded");

  await page.getByRole("button", { name: "Resolved", exact: true }).click();
  await expect(page.getByText("Status changed from Investigating to Resolved.")).toBeVisible();
  // Resolving stamped "now"; the real times are entered afterwards, in the incident's zone.
  await fillZonedTime(page, "Mitigated", "2025-10-15", "15:45");
  await fillZonedTime(page, "Resolved", "2025-10-15", "16:30");
  await page.getByRole("button", { name: "Save times" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  const durations = page.getByLabel("Durations");
  await expect(durations).toContainText("Total duration8 h 30 min");
  await expect(durations).toContainText("Time to detect3 min");
  await expect(durations).toContainText("Time to mitigate7 h 45 min");
  await expect(page.getByText("Resolution time set to Oct 15, 2025, 16:30 GMT+2.")).toBeVisible();

  // Hindsight's own lines go with one switch (remembered across a reload), the team's stay.
  const hideOwn = page.getByLabel(/Hide Hindsight’s own lines/);
  await hideOwn.check();
  await expect(page.getByText("Resolution time set to Oct 15, 2025, 16:30 GMT+2.")).toBeHidden();
  await page.reload();
  await expect(hideOwn).toBeChecked();
  await expect(page.getByText("Resolution time set to Oct 15, 2025, 16:30 GMT+2.")).toBeHidden();
  await expect(page.getByText("Backlog cleared")).toBeVisible();
  await hideOwn.uncheck();
  await expect(page.getByText("Resolution time set to Oct 15, 2025, 16:30 GMT+2.")).toBeVisible();

  // On a phone nothing sticks out sideways, and the panels further down draw as they are scrolled to.
  const incidentPage = page.url();
  for (const width of [360, 390]) {
    await page.setViewportSize({ width, height: 800 });
    for (const path of [incidentPage, incidentPage.replace(/\/\d+$/, "")]) {
      await page.goto(path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} at ${width} px`).toBeLessThanOrEqual(width);
    }
  }
  // Scrolled to as the browser does for a link or focus (Playwright's own scrolling reads the
  // placeholder size of a part not yet drawn, content-visibility: auto, and lands short of it).
  await page.goto(incidentPage);
  for (const target of [page.getByRole("button", { name: "Save details" }), page.getByTestId("timeline-event").last(), page.getByRole("button", { name: "Add task" })]) {
    await target.evaluate((element) => element.scrollIntoView({ block: "center" }));
    await expect(target).toBeInViewport();
  }
});

test("filter and search the incident list; the filters live in the URL", async ({ page }) => {
  await signUp(page, newUser("Filter Fan"));
  const slug = uniqueSlug("list");
  await createTeam(page, "List", slug);
  await declare(page, slug, "Checkout latency spike");
  await addEvent(page, "Dead end", "Suspected the CDN; purging did nothing");
  await declare(page, slug, "Login failures after deploy");

  await page.goto(`/t/${slug}/incidents`);
  await expect(page.getByRole("list", { name: "Incidents" }).getByRole("listitem")).toHaveCount(2);
  await page.getByLabel("Search incidents").fill("CDN");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/q=CDN/);
  await expect(page.getByRole("list", { name: "Incidents" }).getByRole("listitem")).toHaveCount(1);
  await expect(page.getByText("Checkout latency spike")).toBeVisible();

  await page.goto(`/t/${slug}/incidents?status=RESOLVED`);
  await expect(page.getByText("No incidents match these filters")).toBeVisible();
});

test("two windows see each other's timeline events live", async ({ page, browser }) => {
  const owner = newUser("Window One");
  await signUp(page, owner);
  const slug = uniqueSlug("live");
  await createTeam(page, "Live", slug);
  await declare(page, slug, "Live collaboration check");
  const url = page.url();

  const second = await browser.newContext();
  const other = await second.newPage();
  await signIn(other, owner);
  await other.goto(url);
  await expect(other.locator("[data-live=on]")).toBeVisible();
  await expect(page.locator("[data-live=on]")).toBeVisible();

  await addEvent(page, "Action", "Restarted the worker pool from window one");
  await expect(other.getByText("Restarted the worker pool from window one")).toBeVisible({ timeout: 2_000 });

  await addEvent(other, "Investigation", "Queue depth is falling, says window two");
  await expect(page.getByText("Queue depth is falling, says window two")).toBeVisible({ timeout: 2_000 });
  await second.close();
});

test("a viewer reads an incident but has no controls to change it", async ({ page, browser }) => {
  await signUp(page, newUser("Incident Owner"));
  const slug = uniqueSlug("view");
  await createTeam(page, "View Team", slug);
  await declare(page, slug, "Read-only check");
  await addEvent(page, "Action", "Rolled back the deploy");
  const incidentUrl = page.url();
  const viewer = await inviteNewMember(page, browser, slug, "Vera Viewer");
  await page.goto(`/t/${slug}/settings/members`);
  const row = page.locator(`[data-testid=member-row][data-email="${viewer.user.email}"]`);
  await row.getByLabel(/Role of/).selectOption("VIEWER");
  await row.getByRole("button", { name: "Save role" }).click();
  await expect(row.getByText("Role updated.")).toBeVisible();

  await viewer.page.goto(incidentUrl);
  await expect(viewer.page.getByText("Rolled back the deploy")).toBeVisible();
  await expect(viewer.page.getByText(/cannot change it/)).toBeVisible();
  for (const control of ["Add", "Save times", "Save details", "Add task", "Edit", "Resolved"]) {
    await expect(viewer.page.getByRole("button", { name: control, exact: true })).toHaveCount(0);
  }
  await expect(viewer.page.getByLabel("What happened")).toHaveCount(0);
  await viewer.context.close();
});
