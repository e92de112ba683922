import { expect, test, type Page } from "@playwright/test";
import { createTeam, inviteNewMember, newUser, signUp, uniqueSlug } from "./fixtures";

// The section's first paragraph (after its live block, if it has one).
const section = (page: Page, heading: string) => page.locator(`.postmortem-doc h2:has-text("${heading}") ~ p`).first();
const saved = (page: Page) => expect(page.locator("[data-connection]").first()).toHaveText("All changes saved", { timeout: 20_000 });

test("publish an approved postmortem, read it signed out without the internal passage, take it down, publish a correction", async ({ page, browser }) => {
  // The whole life of a publication, with two people, a drawn diagram, a preview and a withdrawn edition: minutes under load.
  test.setTimeout(240_000);
  const slug = uniqueSlug("pub");
  await signUp(page, newUser("Paula Publisher"));
  await createTeam(page, "Publishing Team", slug);
  const reviewer = await inviteNewMember(page, browser, slug, "Ravi Reviewer");

  await page.goto(`/t/${slug}/incidents/new`);
  await page.getByLabel("What is happening?").fill("Search was down");
  await page.getByLabel("What is happening?").press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Search was down" })).toBeVisible();
  await page.getByRole("link", { name: "Start postmortem" }).click();
  await page.getByRole("button", { name: "Start the postmortem" }).click();
  await saved(page);

  // Required sections need the team's own words (a live block alone does not count).
  for (const [heading, text] of [["Summary", "Search answered nothing for an hour."], ["Timeline", "Disk alerts fired late."], ["Corrective and preventive measures", "Alert on disk use earlier."]] as const) {
    await section(page, heading).click();
    await page.keyboard.type(text);
  }
  // One passage is public, one is marked internal with the toolbar.
  await section(page, "Root cause").click();
  await page.keyboard.type("The search cluster ran out of disk.");
  await section(page, "Resolution and recovery").click();
  await page.keyboard.type("Contact jane.doe@corp.example for the raw logs.");
  await page.keyboard.press("Shift+Home");
  await page.getByRole("button", { name: /^Internal/ }).click();
  await expect(page.locator(".postmortem-doc .internal-passage")).toHaveText("Contact jane.doe@corp.example for the raw logs.");
  // A Mermaid diagram: drawn in the editor, and kept as a picture for the public page.
  const diagramKept = page.waitForResponse((r) => r.url().endsWith("/postmortem/diagrams") && r.status() === 201, { timeout: 30_000 });
  await section(page, "What went well").click();
  await page.getByRole("button", { name: "Mermaid diagram" }).click();
  await expect(page.getByTestId("mermaid-diagram")).toBeVisible({ timeout: 20_000 });
  await diagramKept;
  await saved(page);
  await page.waitForTimeout(2_500);

  // Review and approval.
  await page.getByRole("link", { name: "Review and sign-off" }).click();
  await page.getByRole("checkbox", { name: "Ravi Reviewer" }).check();
  await page.getByRole("button", { name: "Request review" }).click();
  await expect(page.getByText("Review requested from 1 person.")).toBeVisible();
  await reviewer.page.goto(`/t/${slug}/incidents/1/postmortem/review`);
  await reviewer.page.getByRole("button", { name: "Approve" }).click();
  await expect(reviewer.page.getByText("Approved. The postmortem now meets the sign-off policy.")).toBeVisible();

  // The redaction check and the publish form.
  await page.goto(`/t/${slug}/incidents/1/postmortem/publish/preview`);
  await expect(page.getByRole("heading", { level: 1, name: "Search was down" })).toBeVisible();
  await expect(page.locator("time .local").first()).toContainText("your time");
  await expect(page.getByText("Contact jane.doe@corp.example")).toHaveCount(0);
  await page.goto(`/t/${slug}/incidents/1/postmortem/publish`);
  await expect(page.getByText(/Left out as internal: 0 sections, 1 passage/)).toBeVisible();
  await page.getByLabel("Subtitle").fill("Full disks and what we changed");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Confirm that you have checked what will be public.")).toBeVisible();
  await page.getByLabel(/I have read the preview/).check();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Published.", { exact: true })).toBeVisible();
  const link = (await page.getByRole("link", { name: /^\/p\// }).first().getAttribute("href"))!;
  expect(link).toMatch(/^\/p\/[A-Za-z0-9_-]{22}$/);

  // A fresh context with no session reads it; the internal passage is nowhere in the response.
  const reader = await browser.newContext();
  const anon = await reader.newPage();
  const response = await anon.goto(link);
  expect(response?.status()).toBe(200);
  const html = await response!.text();
  expect(html).not.toContain("jane.doe@corp.example");
  expect(html).not.toContain("raw logs");
  await expect(anon.getByRole("heading", { level: 1, name: "Search was down" })).toBeVisible();
  await expect(anon.getByText("Full disks and what we changed")).toBeVisible();
  await expect(anon.getByText("The search cluster ran out of disk.")).toBeVisible();
  // The impact strip opens the page.
  await expect(anon.locator(".glance dl.strip")).toContainText("Duration");
  await expect(anon.locator(".glance dl.strip")).toContainText("Severity");
  // The page's one script (allowed by its hash) adds the reader's time beside the incident's zone.
  await expect(anon.locator("time .local").first()).toContainText("your time");
  const diagram = anon.locator("figure.diagram.drawn img");
  await expect(diagram).toBeVisible();
  expect(await diagram.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(anon.locator('meta[property="og:image"]')).toHaveAttribute("content", new RegExp(`${link}/og.png$`));
  // Looked at by a person: desktop, a 390 px phone, dark, and print.
  const look = (name: string) => anon.screenshot({ path: test.info().outputPath(`public-${name}.png`), fullPage: true });
  await look("desktop");
  await anon.setViewportSize({ width: 390, height: 844 });
  await look("phone");
  await anon.emulateMedia({ colorScheme: "dark" });
  await look("dark");
  await anon.emulateMedia({ colorScheme: "light", media: "print" });
  await anon.setViewportSize({ width: 800, height: 1100 });
  await look("print");
  await expect(anon.locator("time .local").first()).toBeHidden();
  await anon.emulateMedia({ media: "screen" });
  const og = await anon.request.get(`${link}/og.png`);
  expect(og.status()).toBe(200);
  expect(og.headers()["content-type"]).toBe("image/png");

  // Taken down: 410 Gone.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Unpublish" }).click();
  await expect(page.getByText(/Taken down: the link answers “gone”/)).toBeVisible();
  const gone = await anon.goto(link);
  expect(gone?.status()).toBe(410);
  await expect(anon.getByRole("heading", { name: "This postmortem is no longer published" })).toBeVisible();

  // Published again as a correction: the link is back, with two editions in its changelog.
  await page.reload();
  await page.getByLabel("What changed in this edition").fill("Clarified the root cause.");
  await page.getByLabel(/I have read the preview/).check();
  await page.getByRole("button", { name: "Publish a new edition" }).click();
  await expect(page.getByText("Published edition 2.")).toBeVisible();
  const back = await anon.goto(link);
  expect(back?.status()).toBe(200);
  await expect(anon.getByText(/Updated on/)).toBeVisible();
  const changelog = anon.locator("#changelog");
  await expect(changelog.getByRole("listitem")).toHaveCount(2);
  await expect(changelog).toContainText("Clarified the root cause.");
  const old = await anon.goto(`${link}/editions/1`);
  expect(old?.status()).toBe(200);
  await expect(anon.getByText("This is edition 1.")).toBeVisible();

  // Edition 1 is withdrawn: its link answers 410 with the note, and the changelog forgets it.
  await page.reload();
  await page.getByText("Withdraw edition 1…").click();
  await page.getByLabel("Why edition 1 was withdrawn").fill("It quoted an internal ticket.");
  await page.getByRole("button", { name: "Withdraw edition 1" }).click();
  // The editions list marks it (its form goes with it).
  await expect(page.getByText("Withdrawn: It quoted an internal ticket.")).toBeVisible();
  const withdrawn = await anon.goto(`${link}/editions/1`);
  expect(withdrawn?.status()).toBe(410);
  await expect(anon.getByText("It quoted an internal ticket.")).toBeVisible();
  expect((await anon.request.get(`${link}/editions/1/og.png`)).status()).toBe(410);
  await anon.goto(link);
  await expect(anon.locator("#changelog").getByRole("listitem")).toHaveCount(1);
  await expect(anon.locator(`a[href="${link}/editions/1"]`)).toHaveCount(0);
  await reader.close();
  await reviewer.context.close();
});
