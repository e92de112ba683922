import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { createTeam, newUser, signUp, uniqueSlug } from "./fixtures";

async function sql(text: string, params: unknown[]): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(text, params);
  } finally {
    await client.end();
  }
}

/**
 * Four incidents in the last 30 days whose numbers we know (times to resolve 30 min, 1 h, 2 h and
 * one still open: median 1 h, p90 1 h 48 min, n 3, one without), and a year of generated history
 * before them for the pictures.
 */
async function seed(slug: string) {
  await sql(
    `WITH t AS (SELECT id FROM "Team" WHERE slug = $1)
     INSERT INTO "Incident" (id, "teamId", number, title, "timeZone", severity, status, origin, "startedAt", "detectedAt", "resolvedAt", "updatedAt")
     SELECT 'e2e-ins-' || $1 || '-' || k, t.id, k, v.title, 'Europe/Berlin', v.sev::"Severity", v.status::"IncidentStatus", v.origin::"IncidentOrigin",
            now() - v.ago, now() - v.ago + interval '5 minutes', now() - v.ago + v.resolve, now()
       FROM t, (VALUES (1, 'Checkout errors', 'SEV1', 'RESOLVED', 'ALERT', interval '3 days', interval '30 minutes'),
                       (2, 'Search slow', 'SEV2', 'RESOLVED', 'MANUAL', interval '6 days', interval '1 hour'),
                       (3, 'Login loop', 'SEV3', 'RESOLVED', 'ALERT', interval '12 days', interval '2 hours'),
                       (4, 'Queue backlog', 'SEV2', 'INVESTIGATING', 'API', interval '1 day', NULL)) v(k, title, sev, status, origin, ago, resolve)`,
    [slug],
  );
  await sql(
    `WITH t AS (SELECT id FROM "Team" WHERE slug = $1)
     INSERT INTO "Incident" (id, "teamId", number, title, "timeZone", severity, status, origin, "startedAt", "detectedAt", "acknowledgedAt", "mitigatedAt", "resolvedAt", "updatedAt")
     SELECT 'e2e-ins-' || $1 || '-' || g, t.id, g, 'Generated incident ' || g, 'Europe/Berlin', (ARRAY['SEV1','SEV2','SEV3','SEV3','SEV4'])[1 + g % 5]::"Severity", 'RESOLVED',
            (ARRAY['MANUAL','ALERT','ALERT','API'])[1 + g % 4]::"IncidentOrigin", s, s + (g % 13) * interval '1 minute', s + (g % 29 + 3) * interval '1 minute',
            s + (g % 180 + 20) * interval '1 minute', s + (g % 900 + 60) * interval '1 minute', now()
       FROM t, generate_series(5, 180) g, LATERAL (SELECT now() - interval '35 days' - (g * 47 % 330) * interval '1 day' - (g % 24) * interval '1 hour' AS s) x`,
    [slug],
  );
  await sql(`UPDATE "Team" SET "incidentSeq" = 180 WHERE slug = $1`, [slug]);
  await sql(
    `WITH t AS (SELECT id FROM "Team" WHERE slug = $1)
     INSERT INTO "Service" (id, "teamId", name) SELECT 'e2e-svc-' || $1 || '-' || n, t.id, n FROM t, unnest(ARRAY['api', 'db', 'search', 'queue']) n`,
    [slug],
  );
  await sql(
    `INSERT INTO "IncidentService" ("incidentId", "serviceId")
     SELECT 'e2e-ins-' || $1 || '-' || g, 'e2e-svc-' || $1 || '-' || (ARRAY['api', 'db', 'search', 'queue', 'db', 'api'])[1 + g % 6] FROM generate_series(1, 180) g`,
    [slug],
  );
  await sql(
    `INSERT INTO "Task" (id, "teamId", "incidentId", title, type, status, "dueDate", "completedAt", "updatedAt")
     SELECT 'e2e-task-' || $1 || '-' || g, i."teamId", i.id, 'Follow-up for incident ' || g, (ARRAY['CORRECTIVE','PREVENTIVE','DETECTIVE'])[1 + g % 3]::"TaskType",
            (ARRAY['DONE','DONE','OPEN','DONE','WONT_DO'])[1 + g % 5]::"TaskStatus", (i."startedAt" + (g % 20 + 5) * interval '1 day')::date,
            CASE WHEN g % 5 IN (0, 1, 3) THEN i."startedAt" + (g % 30) * interval '1 day' END, now()
       FROM generate_series(5, 180) g JOIN "Incident" i ON i.id = 'e2e-ins-' || $1 || '-' || g`,
    [slug],
  );
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

test("Insights shows a team's numbers as charts and tables, and downloads them as CSV", async ({ page }) => {
  const slug = uniqueSlug("insights");
  await signUp(page, newUser("Insights Owner"));
  await createTeam(page, "Insights Team", slug, "Europe/Berlin");

  await page.getByRole("navigation", { name: "Team" }).getByRole("link", { name: "Insights" }).click();
  await expect(page.getByRole("heading", { name: "No incidents in this period" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Declare an incident" })).toBeVisible();

  await seed(slug);
  await page.goto(`/t/${slug}/insights?period=30`);
  const resolve = page.locator("[data-metric=resolve]");
  await expect(resolve).toContainText("1 h");
  await expect(resolve).toContainText("p90 1 h 48 min · n 3 · 1 without");
  await expect(page.locator(".recharts-surface").first()).toBeVisible();

  // Hovering a bar names the incidents behind it; clicking lists them.
  const bySeverity = page.getByRole("figure", { name: "Incidents per week by severity" });
  await bySeverity.locator(`.recharts-rectangle[fill="var(--chart-sev1)"]`).first().hover();
  await expect(bySeverity.getByText("Click to list them.")).toBeVisible();
  await bySeverity.locator(`.recharts-rectangle[fill="var(--chart-sev1)"]`).first().click();
  await expect(bySeverity.getByRole("region").getByRole("link", { name: "INC-1 Checkout errors" })).toBeVisible();

  await page.getByText("Table view: Response times", { exact: true }).click();
  const row = page.locator("table[data-table=response-times] tr").filter({ hasText: "Time to resolve" }).filter({ hasText: "All incidents" });
  await expect(row.locator("td")).toHaveText(["All incidents", "1 h", "1 h 48 min", "3", "1"]);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV: Response times", exact: true }).click();
  const csv = await readFile(await (await download).path(), "utf8");
  expect(csv).toContain("Measure,Incidents,Median (seconds),p90 (seconds),n,Without this moment\r\n");
  expect(csv).toContain("Time to resolve,All incidents,3600,6480,3,1");

  // A year of history, for the eye: desktop, phone and dark.
  await page.goto(`/t/${slug}/insights?period=365`);
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await shoot(page, "insights-desktop");
  await page.emulateMedia({ colorScheme: "dark" });
  await shoot(page, "insights-desktop-dark");
  await page.setViewportSize({ width: 390, height: 844 });
  await shoot(page, "insights-phone-dark");
  await page.screenshot({ path: test.info().outputPath("insights-phone-dark-top.png") });
});
