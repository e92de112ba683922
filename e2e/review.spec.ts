import { expect, test, type Page } from "@playwright/test";
import { createTeam, inviteNewMember, newUser, signUp, uniqueSlug } from "./fixtures";

const section = (page: Page, heading: string) => page.locator(`.postmortem-doc h2:has-text("${heading}") + p`);
const saved = (page: Page) => expect(page.locator("[data-connection]").first()).toHaveText("All changes saved", { timeout: 20_000 });

async function writeInto(page: Page, heading: string, text: string) {
  await section(page, heading).click();
  await page.keyboard.press("End");
  await page.keyboard.type(text);
}

/** The collaboration server stores two seconds after the last keystroke; the review works on what is stored. */
async function stored(page: Page) {
  await saved(page);
  await page.waitForTimeout(2_500);
}

test("two reviewers: changes requested, fixed, both approve, an edit after approval makes it stale", async ({ page, browser }) => {
  const slug = uniqueSlug("rv");
  await signUp(page, newUser("Alma Author"));
  await createTeam(page, "Review Team", slug);
  const one = await inviteNewMember(page, browser, slug, "Rene Reviewer");
  const two = await inviteNewMember(page, browser, slug, "Sam Second");

  // The team asks for two approvals on SEV3 postmortems.
  await page.goto(`/t/${slug}/settings/sign-off`);
  await page.getByLabel("SEV3 approvals needed").fill("2");
  await page.getByRole("button", { name: "Save policy" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();

  await page.goto(`/t/${slug}/incidents/new`);
  await page.getByLabel("What is happening?").fill("Checkout errors");
  await page.getByLabel("What is happening?").press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Checkout errors" })).toBeVisible();
  await page.getByRole("link", { name: "Start postmortem" }).click();
  await page.getByRole("button", { name: "Start the postmortem" }).click();
  await saved(page);

  // Required sections are empty: asking for review is refused with the list.
  await page.getByRole("link", { name: "Review and sign-off" }).click();
  await page.getByRole("checkbox", { name: "Rene Reviewer" }).check();
  await page.getByRole("checkbox", { name: "Sam Second" }).check();
  await page.getByRole("button", { name: "Request review" }).click();
  await expect(page.getByText(/Required sections are empty: Root cause, Resolution and recovery/)).toBeVisible();

  await page.goto(`/t/${slug}/incidents/1/postmortem`);
  await saved(page);
  await writeInto(page, "Root cause", "A bad deploy of the payment client.");
  await writeInto(page, "Resolution and recovery", "Rolled back.");
  await stored(page);
  await page.getByRole("link", { name: "Review and sign-off" }).click();
  await page.getByRole("checkbox", { name: "Rene Reviewer" }).check();
  await page.getByRole("checkbox", { name: "Sam Second" }).check();
  await page.getByRole("button", { name: "Request review" }).click();
  await expect(page.getByText("Review requested from 2 people.")).toBeVisible();
  await expect(page.getByText("In review", { exact: true }).first()).toBeVisible();

  // Rene is notified, reads it and requests changes.
  await one.page.goto("/notifications");
  await one.page.getByText("Alma Author asked you to review the postmortem of INC-1").click();
  await expect(one.page.getByRole("heading", { name: "The postmortem as it will read" })).toBeVisible();
  await expect(one.page.getByText("A bad deploy of the payment client.")).toBeVisible();
  await one.page.getByLabel("Request changes").fill("Say how we will catch a bad client deploy next time.");
  await one.page.getByRole("button", { name: "Request changes" }).click();
  await expect(one.page.getByText("Changes were requested. Edit the postmortem, then ask for review again.")).toBeVisible();

  // Alma edits and sends it back.
  await page.goto(`/t/${slug}/incidents/1/postmortem`);
  await expect(page.getByText("Draft", { exact: true }).first()).toBeVisible();
  await saved(page);
  await writeInto(page, "Root cause", " A canary would have caught it.");
  await stored(page);
  await page.getByRole("link", { name: "Review and sign-off" }).click();
  await page.getByRole("button", { name: "Send for review again" }).click();
  await expect(page.getByText("In review", { exact: true }).first()).toBeVisible();

  // Rene sees what changed since they last looked, and both approve.
  await one.page.goto(`/t/${slug}/incidents/1/postmortem/review`);
  await expect(one.page.getByRole("heading", { name: "What changed" })).toBeVisible();
  await expect(one.page.locator("ins", { hasText: "A canary would have caught it." })).toBeVisible();
  await one.page.getByRole("button", { name: "Approve" }).click();
  await expect(one.page.getByText("Approved. More sign-off is needed.")).toBeVisible();
  await two.page.goto(`/t/${slug}/incidents/1/postmortem/review`);
  await expect(two.page.getByText("1 of 2 approvals")).toBeVisible();
  await two.page.getByRole("button", { name: "Approve" }).click();
  await expect(two.page.getByText("Approved. The postmortem now meets the sign-off policy.")).toBeVisible();

  // The record shows both approvals, each with the version it was given on.
  await page.goto(`/t/${slug}/incidents/1/postmortem/review`);
  await expect(page.getByText("Approved: it meets the policy and can be published.")).toBeVisible();
  const record = page.getByRole("list", { name: "Sign-off record" });
  await expect(record.getByRole("listitem").filter({ hasText: "Rene Reviewer approved version" })).toBeVisible();
  await expect(record.getByRole("listitem").filter({ hasText: "Sam Second approved version" })).toBeVisible();
  await expect(record.getByRole("listitem").filter({ hasText: "Rene Reviewer requested changes to version" })).toBeVisible();

  // An edit after approval: the approvals go stale and the postmortem is back in review.
  await page.goto(`/t/${slug}/incidents/1/postmortem`);
  await saved(page);
  await writeInto(page, "Resolution and recovery", " Then redeployed with a fix.");
  await stored(page);
  await page.goto(`/t/${slug}/incidents/1/postmortem/review`);
  await expect(page.getByText("In review", { exact: true }).first()).toBeVisible();
  await expect(record.getByText("stale: changed since")).toHaveCount(2);
  await expect(page.getByText("0 of 2 approvals")).toBeVisible();
  await one.page.goto("/notifications");
  await expect(one.page.getByText(/Your approval of the postmortem of INC-1 is stale/)).toBeVisible();
  await page.goto(`/t/${slug}/incidents/1`);
  await expect(page.getByText("Postmortem back in review: it was edited after approval")).toBeVisible();
  await one.context.close();
  await two.context.close();
});
