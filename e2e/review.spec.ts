import { expect, test, type Page } from "@playwright/test";
import { createTeam, inviteNewMember, newUser, signUp, uniqueSlug } from "./fixtures";

async function declare(page: Page, slug: string, title: string) {
  await page.goto(`/t/${slug}/incidents/new`);
  await page.getByLabel("What is happening?").fill(title);
  await page.getByLabel("What is happening?").press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

// The section's first paragraph (after its live block, if it has one).
const section = (page: Page, heading: string) => page.locator(`.postmortem-doc h2:has-text("${heading}") ~ p`).first();
const saved = (page: Page) => expect(page.locator("[data-connection]").first()).toHaveText("All changes saved", { timeout: 20_000 });
const reviewUrl = (slug: string) => `/t/${slug}/incidents/1/postmortem/review`;
const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });

/** The content version the server has stored, as the review view shows it. */
async function storedVersion(page: Page, slug: string): Promise<number> {
  await page.goto(reviewUrl(slug));
  const text = await page.getByText(/^Version \d+$/).textContent();
  return Number(text?.replace("Version ", ""));
}

/**
 * Types at the end of sections through the real collaborative editor, leaves it (the server stores
 * on a 2 s debounce and when the last editor goes) and waits until the stored version moved past
 * `before` and stays there. Returns that version.
 */
async function edit(page: Page, slug: string, before: number, lines: [heading: string, text: string][]): Promise<number> {
  await page.goto(`/t/${slug}/incidents/1/postmortem`);
  await saved(page);
  await expect(page.locator(".postmortem-doc")).toHaveAttribute("contenteditable", "true");
  for (const [heading, text] of lines) {
    await section(page, heading).click();
    await page.keyboard.press("End");
    await page.keyboard.type(text);
  }
  await saved(page);
  await expect.poll(() => storedVersion(page, slug), { timeout: 30_000 }).toBeGreaterThan(before);
  await page.waitForTimeout(2500);
  const settled = await storedVersion(page, slug);
  await expect.poll(() => storedVersion(page, slug)).toBe(settled);
  return settled;
}

async function seeNotification(page: Page, message: string | RegExp) {
  await page.goto("/notifications");
  await expect(page.getByText(message).first()).toBeVisible();
}

const status = (page: Page) => page.locator("h1 + div").getByText(/^(Draft|In review|Approved|Published)$/);
const record = (page: Page) => page.getByRole("list", { name: "Sign-off record" });

test("named reviewers request changes, then both approve the edited version; an edit after approval makes it stale", async ({ page, browser }) => {
  // Five sections are written before the first request (live blocks alone do not count): longer under load.
  test.setTimeout(300_000);
  const slug = uniqueSlug("rev");
  await signUp(page, newUser("Olive Author"));
  await createTeam(page, "Review Team", slug);

  // The team asks for two approvals on a SEV3 (the default is one).
  await page.goto(`/t/${slug}/settings/sign-off`);
  await page.getByLabel("SEV3 approvals needed").fill("2");
  await page.getByRole("button", { name: "Save policy" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();

  const rhea = await inviteNewMember(page, browser, slug, "Rhea Reviewer");
  const sam = await inviteNewMember(page, browser, slug, "Sam Second");

  await declare(page, slug, "Checkout latency spike");
  await page.goto(`/t/${slug}/incidents/1/postmortem`);
  await page.getByRole("button", { name: "Start the postmortem" }).click();
  await saved(page);

  // Required sections are empty: asking for review is refused with their names, the choice kept.
  await page.goto(reviewUrl(slug));
  await page.getByRole("checkbox", { name: "Rhea Reviewer" }).check();
  await page.getByRole("button", { name: "Request review" }).click();
  // A live block alone does not fill a section: the team's own words do.
  await expect(page.getByText(/Required sections are empty: Summary, Timeline, Root cause, Resolution and recovery, Corrective and preventive measures/)).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Rhea Reviewer" })).toBeChecked();
  await expect(status(page)).toHaveText("Draft");

  const v1 = await edit(page, slug, 1, [
    ["Summary", "Checkout was slow for twenty minutes."],
    ["Timeline", "The deploy went out just before the alert."],
    ["Corrective and preventive measures", "Pin cache nodes during deploys."],
    ["Root cause", "A cache node was evicted during a deploy."],
    ["Resolution and recovery", "Rolled back the deploy."],
  ]);

  // The author asks both by name.
  await page.goto(reviewUrl(slug));
  await page.getByRole("checkbox", { name: "Rhea Reviewer" }).check();
  await page.getByRole("checkbox", { name: "Sam Second" }).check();
  await page.getByRole("button", { name: "Request review" }).click();
  await expect(page.getByText("Review requested from 2 people.")).toBeVisible();
  await expect(status(page)).toHaveText("In review");
  await expect(page.getByRole("list", { name: "Sign-off policy" })).toContainText("0 of 2 approvals");
  await expect(page.getByText("You wrote this postmortem, so you cannot approve it.")).toBeVisible();

  // Rhea was told, finds it under "awaiting my review", and requests changes with a comment.
  await seeNotification(rhea.page, "Olive Author asked you to review the postmortem of INC-1");
  const asked = rhea.page.getByTestId("notification").filter({ hasText: "Olive Author asked you" });
  await expect(asked).toContainText("Unread: Review requested");
  // Opening it leads to the review and marks it read.
  await asked.getByRole("link").click();
  await expect(rhea.page).toHaveURL(new RegExp(`${reviewUrl(slug)}$`));
  await rhea.page.goto("/notifications");
  await expect(asked).toContainText("Review requested");
  await expect(asked).not.toContainText("Unread");
  await rhea.page.goto(`/t/${slug}/postmortems?view=mine`);
  await rhea.page.getByRole("link", { name: /Checkout latency spike/ }).click();
  await expect(rhea.page).toHaveURL(new RegExp(`${reviewUrl(slug)}$`));
  await expect(rhea.page.getByText(`You are reviewing version ${v1}.`)).toBeVisible();
  await rhea.page.getByLabel("Request changes").fill("Say which deploy, and how the rollback was verified.");
  await rhea.page.getByRole("button", { name: "Request changes" }).click();
  await expect(rhea.page.getByText(`You requested changes to version ${v1}: “Say which deploy, and how the rollback was verified.”`)).toBeVisible();
  await expect(status(rhea.page)).toHaveText("Draft");

  // The author is told, edits the document in the live editor and asks again.
  await seeNotification(page, "Rhea Reviewer requested changes to the postmortem of INC-1");
  const v2 = await edit(page, slug, v1, [
    ["Root cause", " It was the 14:02 deploy of the pricing service."],
    ["Resolution and recovery", " Verified by the checkout p99 returning under 300 ms."],
  ]);
  await page.goto(reviewUrl(slug));
  await expect(page.getByText(`Rhea Reviewer requested changes to version ${v1}: “Say which deploy, and how the rollback was verified.” Edit the postmortem, then ask for review again.`)).toBeVisible();
  await page.getByRole("button", { name: "Send for review again" }).click();
  await expect(status(page)).toHaveText("In review");

  // Rhea sees what changed since she last looked, then approves; one of two.
  await rhea.page.goto("/notifications");
  await expect(rhea.page.getByText("Olive Author asked you to review the postmortem of INC-1")).toHaveCount(2);
  await rhea.page.goto(reviewUrl(slug));
  const changes = rhea.page.locator("section", { has: rhea.page.getByRole("heading", { name: "What changed" }) });
  await expect(changes).toContainText(`Since version ${v1}, when you last looked`);
  await expect(changes.getByLabel("changed").first()).toBeAttached();
  await expect(changes.locator("ins").filter({ hasText: "14:02 deploy of the pricing service" })).toBeVisible();
  await rhea.page.getByRole("button", { name: "Approve" }).click();
  await expect(rhea.page.getByText("Approved. More sign-off is needed.")).toBeVisible();
  await expect(rhea.page.getByRole("list", { name: "Sign-off policy" })).toContainText("1 of 2 approvals");
  await expect(status(rhea.page)).toHaveText("In review");

  // Sam approves the same version: the policy is met.
  await sam.page.goto(reviewUrl(slug));
  await expect(sam.page.getByText(`You are reviewing version ${v2}.`)).toBeVisible();
  await sam.page.getByLabel(/^Approve version/).fill("Clear and complete.");
  await sam.page.getByRole("button", { name: "Approve" }).click();
  await expect(sam.page.getByText("Approved. The postmortem now meets the sign-off policy.")).toBeVisible();
  // The Approve button gives way to what was done.
  await expect(sam.page.getByText(`You approved version ${v2}`)).toBeVisible();
  await expect(sam.page.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await expect(status(sam.page)).toHaveText("Approved");
  await seeNotification(page, "The postmortem of INC-1 is approved");

  // The sign-off record: both approvals with the version they approved, and the earlier request for changes.
  await page.goto(reviewUrl(slug));
  await expect(page.getByRole("list", { name: "Sign-off policy" })).toContainText("2 of 2 approvals");
  const entries = record(page).getByRole("listitem");
  await expect(entries).toHaveCount(3);
  await expect(entries.filter({ hasText: "Sam Second" })).toContainText(`approved version ${v2}`);
  await expect(entries.filter({ hasText: "Rhea Reviewer approved" })).toContainText(`approved version ${v2}`);
  await expect(entries.filter({ hasText: "requested changes to" })).toContainText(`Rhea Reviewer requested changes to version ${v1}`);
  await expect(record(page)).not.toContainText("stale");
  await shot(page, "approved");

  // An edit after approval: both approvals are stale (shown, not dropped), and it is back in review.
  const v3 = await edit(page, slug, v2, [["Root cause", " The eviction policy has since been fixed."]]);
  await page.goto(reviewUrl(slug));
  await expect(status(page)).toHaveText("In review");
  await expect(page.getByRole("list", { name: "Sign-off policy" })).toContainText("0 of 2 approvals");
  await expect(entries).toHaveCount(3);
  await expect(entries.filter({ hasText: "stale" })).toHaveCount(2);
  await expect(page.getByRole("list", { name: "Reviewers" })).toContainText(`approved v${v2} (stale)`);
  await shot(page, "stale");
  await seeNotification(rhea.page, "Your approval of the postmortem of INC-1 is stale: it was edited after you approved");

  // A decision carrying the old version (Sam's page still shows v2) is refused with a message, the
  // text kept; reloaded, the approval is stale, so the Approve button is back for the new version.
  await sam.page.getByLabel("Request changes").fill("Still fine?");
  await sam.page.getByRole("button", { name: "Request changes" }).click();
  await expect(sam.page.getByText(`you read version ${v2}, it is now version ${v3}`)).toBeVisible();
  await expect(sam.page.getByLabel("Request changes")).toHaveValue("Still fine?");
  await sam.page.goto(reviewUrl(slug));
  await expect(sam.page.getByText(`You are reviewing version ${v3}.`)).toBeVisible();
  await expect(sam.page.getByRole("button", { name: "Approve" })).toBeVisible();

  // The incident's timeline tells the story.
  await page.goto(`/t/${slug}/incidents/1`);
  for (const line of [
    "Postmortem sent for review to Rhea Reviewer, Sam Second",
    "Rhea Reviewer requested changes to the postmortem",
    "Rhea Reviewer approved the postmortem",
    "Postmortem approved by Sam Second",
    "Postmortem back in review: it was edited after approval",
  ]) {
    await expect(page.getByText(line).first()).toBeVisible();
  }
  await rhea.context.close();
  await sam.context.close();
});

test("a two-person team asks for review under a policy it cannot meet and is told who is missing", async ({ page, browser }) => {
  const slug = uniqueSlug("two");
  await signUp(page, newUser("Tara Two"));
  await createTeam(page, "Two Person Team", slug);
  await page.goto(`/t/${slug}/settings/sign-off`);
  await page.getByLabel("SEV3 approvals needed").fill("2");
  await page.getByRole("button", { name: "Save policy" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  const uma = await inviteNewMember(page, browser, slug, "Uma Only");

  await declare(page, slug, "Queue backlog");
  await page.goto(`/t/${slug}/incidents/1/postmortem`);
  await page.getByRole("button", { name: "Start the postmortem" }).click();
  await saved(page);

  // Before anything is sent, the review view says who is missing, in terms of people.
  await page.goto(reviewUrl(slug));
  const warnings = page.getByRole("list", { name: "What sign-off still needs" });
  await expect(warnings.first()).toContainText("Needs 2 more approvals from someone other than the author; only 1 eligible member: Uma Only.");
  await expect(page.getByText("The sign-off policy cannot be met by this team as it is.").first()).toBeVisible();
  // The owner is sent straight to the policy.
  await page.getByRole("link", { name: "Change it in Settings → Sign-off policy" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/t/${slug}/settings/sign-off$`));
  // A member sees the same explanation, without the link they could not use.
  await uma.page.goto(reviewUrl(slug));
  await expect(uma.page.getByRole("list", { name: "What sign-off still needs" }).first()).toContainText("only 1 eligible member: Uma Only");
  await expect(uma.page.getByRole("link", { name: "Change it in Settings → Sign-off policy" })).toHaveCount(0);
  await shot(page, "two-person-policy");
  await uma.context.close();
});
