import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { createTeam, fillZonedTime, newUser, signUp, uniqueSlug } from "./fixtures";

// A 12-hour, month-first browser: the time inputs must still take 24-hour ISO entry.
test.use({ locale: "en-US", timezoneId: "America/Los_Angeles" });

const ZONE = "America/New_York";

type Row = Record<string, string | null>;

async function query(sql: string, params: unknown[]): Promise<Row[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    // Instants as Postgres stores them, to the microsecond, not as JavaScript Dates round them.
    return (await client.query(sql, params)).rows as Row[];
  } finally {
    await client.end();
  }
}

const MOMENTS = `to_char("startedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS "startedAt",
  to_char("detectedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS "detectedAt",
  to_char("acknowledgedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS "acknowledgedAt",
  to_char("mitigatedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS "mitigatedAt",
  to_char("resolvedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS "resolvedAt"`;

async function moments(title: string): Promise<Row & { id: string }> {
  const [row] = await query(`SELECT id, title, status::text, ${MOMENTS} FROM "Incident" WHERE title = $1 OR title = $1 || ' (edited)'`, [title]);
  if (!row) throw new Error(`no incident ${title}`);
  return row as Row & { id: string };
}

async function systemLines(incidentId: string): Promise<string[]> {
  const rows = await query(`SELECT body FROM "TimelineEvent" WHERE "incidentId" = $1 AND source = 'SYSTEM' ORDER BY "occurredAt", id`, [incidentId]);
  return rows.map((r) => r.body ?? "");
}

async function press(page: Page, ...keys: string[]) {
  for (const key of keys) await page.keyboard.press(key);
}

test("a back-dated incident in the repeated hour, entered by keyboard and edited, keeps its stored instants", async ({ page }, testInfo) => {
  await signUp(page, newUser("Dee Essty"));
  const slug = uniqueSlug("dst");
  await createTeam(page, "DST", slug, ZONE);
  const title = `Failover at the DST change ${slug}`;

  await page.goto(`/t/${slug}/incidents`);
  await expect(async () => {
    await page.keyboard.press("d");
    await expect(page).toHaveURL(new RegExp(`/t/${slug}/incidents/new$`), { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  // Title (focused) → severity → "More details" → zone → start date → start time → Now → detected date → detected time.
  await expect(page.getByLabel("What is happening?")).toBeFocused();
  // A retried "d" may have landed in the title once the form was there: select it to type over.
  await press(page, "ControlOrMeta+A");
  await page.keyboard.type(title);
  await press(page, "Tab", "Tab", "Enter", "Tab", "Tab");
  await expect(page.getByLabel("Impact started at: date")).toBeFocused();
  await page.keyboard.type("2024-11-03");
  await press(page, "Tab");
  await page.keyboard.type("00:30");
  await press(page, "Tab", "Tab", "Tab");
  await expect(page.getByLabel("Detected at: time")).toBeFocused();
  // A time alone is on the start's day; 01:15 happened twice that night.
  await page.keyboard.type("01:15");
  const twice = page.getByRole("group", { name: /Detected at: which 01:15/ });
  await expect(twice).toContainText("01:15 happened twice on 2024-11-03 in America/New_York");
  await expect(twice).toContainText("01:15 GMT-4");
  await expect(twice).toContainText("01:15 GMT-5");
  await page.screenshot({ path: testInfo.outputPath("declare-repeated-hour-en-US.png"), fullPage: true });

  // Into the choice (first option), arrow to the second pass, back to the time field, Enter submits.
  await press(page, "Tab", "Tab", "ArrowRight");
  await expect(twice.getByRole("radio", { name: /GMT-5/ })).toBeChecked();
  await press(page, "Shift+Tab", "Shift+Tab");
  await expect(page.getByLabel("Detected at: time")).toBeFocused();
  await press(page, "Enter");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  const declared = await moments(title);
  expect(declared).toMatchObject({
    startedAt: "2024-11-03T04:30:00.000000",
    detectedAt: "2024-11-03T06:15:00.000000",
    acknowledgedAt: null,
    mitigatedAt: null,
    resolvedAt: null,
  });

  // The key moments show the stored second pass, with its offset.
  const keyMoments = page.locator("form").filter({ has: page.getByRole("button", { name: "Save times" }) });
  await expect(keyMoments.getByRole("radio", { name: /01:15 GMT-5/ })).toBeChecked();
  await keyMoments.screenshot({ path: testInfo.outputPath("key-moments-en-US.png") });

  // A text-only save through the details form: nothing about the times changes.
  const linesBefore = await systemLines(declared.id);
  const details = page.locator("form").filter({ has: page.getByRole("button", { name: "Save details" }) });
  await details.getByLabel("Title").focus();
  await press(page, "End");
  await page.keyboard.type(" (edited)");
  await press(page, "Enter");
  await expect(page.getByRole("heading", { level: 1, name: `${title} (edited)` })).toBeVisible();
  expect(await moments(title)).toMatchObject({ ...declared, title: `${title} (edited)` });
  expect(await systemLines(declared.id)).toEqual(linesBefore);

  // Saving one key moment leaves the others byte for byte; the typed offset picks the second pass.
  await keyMoments.getByLabel("Acknowledged: time").focus();
  await page.keyboard.type("01:40 GMT-5");
  await press(page, "Enter");
  await expect(keyMoments.getByText("Saved.")).toBeVisible();
  const acknowledged = await moments(title);
  expect(acknowledged).toMatchObject({ startedAt: declared.startedAt, detectedAt: declared.detectedAt, acknowledgedAt: "2024-11-03T06:40:00.000000" });
  expect((await systemLines(declared.id)).filter((l) => l.includes("time set"))).toEqual(["Acknowledgement time set to Nov 3, 2024, 01:40 GMT-5."]);

  // A resolution time on an open incident is refused with what to do; ticking "resolved" applies it.
  await fillZonedTime(page, "Resolved", "2024-11-03", "03:10");
  await keyMoments.getByRole("button", { name: "Save times" }).click();
  await expect(keyMoments.getByText(/not resolved: tick “Mark the incident resolved”/)).toBeVisible();
  await keyMoments.getByLabel(/Mark the incident resolved/).check();
  await keyMoments.getByRole("button", { name: "Save times" }).click();
  await expect(page.getByText("Status changed from Investigating to Resolved.")).toBeVisible();
  const resolved = await moments(title);
  expect(resolved).toMatchObject({ status: "RESOLVED", startedAt: declared.startedAt, detectedAt: declared.detectedAt, acknowledgedAt: acknowledged.acknowledgedAt, mitigatedAt: null, resolvedAt: "2024-11-03T08:10:00.000000" });
  await expect(page.getByLabel("Durations")).toContainText("Total duration3 h 40 min");

  // Hindsight's own lines, written today, open no multi-year silence in the 2024 story.
  await fillZonedTime(page, "When it happened (empty: now)", "2024-11-03", "01:20 GMT-5");
  await page.getByLabel("What happened").fill("Replica promoted");
  await page.getByLabel("What happened").press("Enter");
  await expect(page.getByTestId("timeline-body").filter({ hasText: "Replica promoted" })).toBeVisible();
  await expect(page.getByTestId("timeline-gap")).toHaveCount(0);
});

test("back-filling: the date stays between entries and a pasted block is previewed, then added at once", async ({ page }, testInfo) => {
  await signUp(page, newUser("Bea Backfill"));
  const slug = uniqueSlug("fill");
  await createTeam(page, "Fill", slug, "Africa/Johannesburg");
  const title = `Reports not generated ${slug}`;
  await page.goto(`/t/${slug}/incidents/new`);
  await page.getByLabel("What is happening?").fill(title);
  await page.getByLabel("What is happening?").press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const { id } = await moments(title);

  const time = page.getByLabel("When it happened (empty: now): time");
  await page.getByLabel("When it happened (empty: now): date").fill("2023-10-15");
  await time.fill("08:03");
  await expect(page.getByTestId("zone-label").first()).toHaveText("GMT+2 · Africa/Johannesburg");
  await page.screenshot({ path: testInfo.outputPath("add-event-en-US.png") });
  await press(page, "Tab", "Tab");
  await expect(page.getByLabel("What happened")).toBeFocused();
  await page.keyboard.type("Automated reporting: management reports not generated");
  await press(page, "Enter");
  // Focus goes to the time at once (typing straight on lands there); the date is carried, so "HH:MM" alone is enough.
  await page.keyboard.type("08:10", { delay: 5 });
  await expect(time).toBeFocused();
  await expect(time).toHaveValue("08:10");
  await expect(page.getByLabel("What happened")).toHaveValue("");
  await expect(page.getByTestId("timeline-body").filter({ hasText: "management reports not generated" })).toBeVisible();
  await expect(page.getByLabel("When it happened (empty: now): date")).toHaveValue("");
  await expect(page.getByLabel("When it happened (empty: now): date")).toHaveAttribute("placeholder", "2023-10-15");
  await press(page, "Tab", "Tab");
  await page.keyboard.type("curl diagnostics against the app server");
  await press(page, "Enter");
  await expect(page.getByTestId("timeline-body").filter({ hasText: "curl diagnostics" })).toBeVisible();

  await page.getByRole("button", { name: "Paste several lines…" }).click();
  // The day carried from the entries above is the day for lines without a date.
  await expect(page.getByLabel("Day for lines without a date")).toHaveValue("2023-10-15");
  await page.getByLabel(/One event per line/).fill(["09:30 strace on the app server: nothing unusual", "11:00 escalated to the developers", "  they run puppet apply", "2023-10-15 14:30 UTC query rewritten, index added"].join("\n"));
  const preview = page.getByTestId("paste-preview");
  await expect(preview.getByRole("listitem")).toHaveCount(3);
  await expect(preview).toContainText("2023-10-15 09:30 GMT+2");
  await expect(preview).toContainText("2023-10-15 16:30 GMT+2");
  await page.screenshot({ path: testInfo.outputPath("paste-preview-en-US.png"), fullPage: true });
  await page.getByRole("button", { name: "Add 3 events" }).click();
  await expect(page.getByTestId("timeline-body").filter({ hasText: "query rewritten" })).toBeVisible();

  const rows = await query(`SELECT to_char("occurredAt" AT TIME ZONE 'UTC', 'HH24:MI') AS at, body FROM "TimelineEvent" WHERE "incidentId" = $1 AND source = 'USER' ORDER BY "occurredAt"`, [id]);
  expect(rows.map((r) => [r.at, r.body])).toEqual([
    ["06:03", "Automated reporting: management reports not generated"],
    ["06:10", "curl diagnostics against the app server"],
    ["07:30", "strace on the app server: nothing unusual"],
    ["09:00", "escalated to the developers\nthey run puppet apply"],
    ["14:30", "query rewritten, index added"],
  ]);

  // A refused entry comes back whole, the time included, without the form being re-mounted.
  await fillZonedTime(page, "When it happened (empty: now)", "2999-01-01", "08:00");
  await page.getByLabel("What happened").fill("written far ahead");
  await page.getByLabel("What happened").press("Enter");
  await expect(page.getByText("That is in the future.")).toBeVisible();
  await expect(page.getByLabel("When it happened (empty: now): date")).toHaveValue("2999-01-01");
  await expect(time).toHaveValue("08:00");
  await expect(page.getByLabel("What happened")).toHaveValue("written far ahead");
});
