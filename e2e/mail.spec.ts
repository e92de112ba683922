import { expect, test, type Page } from "@playwright/test";
import { startSmtpPeer, type SmtpPeer } from "../lib/testing/smtp-peer";
import { E2E_SMTP_PORT } from "./mail-config";
import { createTeam, inviteNewMember, newUser, signUp, uniqueSlug, type TestUser } from "./fixtures";

// One SMTP server on the port the app sends to: the tests of this file share it, in one worker.
test.describe.configure({ mode: "serial" });

let smtp: SmtpPeer;
test.beforeAll(async () => {
  smtp = await startSmtpPeer(E2E_SMTP_PORT);
});
test.afterAll(async () => {
  await smtp.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });

/** The first link in the mail's plain-text part, on this app. */
function linkIn(text: string, path: string): string {
  const match = new RegExp(`https?://[^\\s]+${path}[^\\s]*`).exec(text);
  if (!match) throw new Error(`no ${path} link in:\n${text}`);
  return match[0];
}

async function verifyAddress(page: Page, user: TestUser) {
  const mail = await smtp.waitFor(user.email, (m) => m.headers.get("subject") === "Confirm your e-mail address for Hindsight");
  await page.goto(linkIn(mail.text, "/verify-email"));
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page.getByText(`${user.email} is confirmed.`)).toBeVisible();
}

test("sign-up mails a verification link that verifies the address", async ({ page }) => {
  const user = newUser("Vera Verified");
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(user.name);
  await page.getByLabel("Work email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await shot(page, "check-email");

  const mail = await smtp.waitFor(user.email);
  expect(mail.headers.get("from")).toContain("hindsight@e2e.test");
  expect(mail.headers.get("message-id")).toMatch(/^<[^@>]+@e2e\.test>$/);
  expect(mail.html).toContain("Confirm my address");
  expect(mail.text).toContain(`Hi ${user.name}`);

  // Signed in but unverified: marked, with a way to get a new link.
  await page.getByRole("link", { name: "Continue to sign in" }).click();
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Unverified address.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Resend link" })).toBeVisible();
  await shot(page, "unverified-banner");

  await page.goto(linkIn(mail.text, "/verify-email"));
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page.getByText(`${user.email} is confirmed.`)).toBeVisible();
  await page.getByRole("link", { name: "Continue to Hindsight" }).click();
  await expect(page).toHaveURL(/\/teams\/new$/);
  await expect(page.getByText("Unverified address.")).toHaveCount(0);
});

test("a forgotten password is reset by e-mail, and the old session is refused", async ({ page, browser }) => {
  const user = newUser("Rita Reset");
  await signUp(page, user);
  await expect(page).toHaveURL(/\/teams\/new$/);

  const other = await browser.newContext();
  const resetter = await other.newPage();
  await resetter.goto("/sign-in");
  await resetter.getByRole("link", { name: "Forgot password?" }).click();
  // Retried in case the first click came before the page hydrated.
  await expect(async () => {
    await resetter.getByLabel("Email").fill(user.email);
    await resetter.getByRole("button", { name: "Send me a link" }).click();
    await expect(resetter.getByText(`If an account uses ${user.email}, we sent it a link`)).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 30_000 });

  const mail = await smtp.waitFor(user.email, (m) => m.headers.get("subject") === "Reset your Hindsight password");
  const link = linkIn(mail.text, "/reset-password");
  await resetter.goto(link);
  await resetter.waitForLoadState("networkidle");
  await resetter.getByLabel("New password").fill("a fresh passphrase 42");
  await resetter.getByRole("button", { name: "Set new password" }).click();
  await expect(resetter).toHaveURL(/\/teams\/new$/);

  // The session from before the reset is over; the link does not work twice.
  await page.reload();
  await expect(page).toHaveURL(/\/sign-in/);
  await resetter.goto(link);
  await expect(resetter.getByText("This reset link has expired or was already used.")).toBeVisible();
  await other.close();
});

test("a review request reaches the reviewer by e-mail with a link to the review", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const slug = uniqueSlug("mail");
  await signUp(page, newUser("Mia Mailer"));
  await createTeam(page, "Mail Team", slug);
  const reviewer = await inviteNewMember(page, browser, slug, "Rex Reviewer");
  await verifyAddress(reviewer.page, reviewer.user);

  await page.goto(`/t/${slug}/incidents/new`);
  await page.getByLabel("What is happening?").fill("Mail queue stuck");
  await page.getByLabel("What is happening?").press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Mail queue stuck" })).toBeVisible();
  // Imported from Markdown without required sections, so it can go to review at once.
  await page.goto(`/t/${slug}/incidents/1/postmortem`);
  await page.getByLabel("Markdown or JSON export").fill("# Mail queue stuck\n\n## Summary\n\nThe queue stopped for ten minutes.\n");
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText("Postmortem imported.").or(page.locator(".postmortem-doc")).first()).toBeVisible();
  await page.goto(`/t/${slug}/incidents/1/postmortem/review`);
  await page.getByRole("checkbox", { name: "Rex Reviewer" }).check();
  await page.getByRole("button", { name: "Request review" }).click();
  await expect(page.getByText("Review requested from 1 person.")).toBeVisible();

  const mail = await smtp.waitFor(reviewer.user.email, (m) => (m.headers.get("subject") ?? "").startsWith("[Mail Team]"));
  expect(mail.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
  expect(mail.headers.get("list-unsubscribe")).toMatch(/^<http:\/\/localhost:\d+\/unsubscribe\?token=[^>]+>, <mailto:hindsight@e2e\.test\?subject=unsubscribe>$/);
  await reviewer.page.goto(linkIn(mail.text, "/postmortem/review"));
  await expect(reviewer.page.getByRole("button", { name: "Approve" })).toBeVisible();

  // The team's admin reads the same message in the outbox.
  await page.goto(`/t/${slug}/settings/outbox`);
  await page.getByRole("link", { name: mail.headers.get("subject")! }).click();
  await expect(page).toHaveURL(/\/settings\/outbox\/[^/]+$/);
  // The row is marked sent just after the server accepted it.
  await expect(async () => {
    await page.reload();
    await expect(page.getByText("Sent", { exact: true }).first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByText(mail.headers.get("message-id")!)).toBeVisible();
  await shot(page, "outbox-message");

  // One click (RFC 8058) from the mail client: no session, just the signed URL.
  const unsubscribe = /<(http[^>]+)>/.exec(mail.headers.get("list-unsubscribe")!)![1]!;
  const mailClient = await browser.newContext();
  const response = await mailClient.request.post(unsubscribe, { form: { "List-Unsubscribe": "One-Click" } });
  expect(response.status()).toBe(200);
  await mailClient.close();
  await reviewer.page.goto("/account/notifications");
  await expect(reviewer.page.getByRole("radio", { name: "Someone asks for your review: In app", exact: true })).toBeChecked();
  await shot(reviewer.page, "notification-settings");
  await reviewer.context.close();
});
