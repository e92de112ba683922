import { randomUUID } from "node:crypto";
import { expect, type Browser, type Page } from "@playwright/test";

export const PASSWORD = "incident-ready-42!";

export type TestUser = { name: string; email: string; password: string };

export function newUser(name = "Test User"): TestUser {
  return { name, email: `e2e-${randomUUID().slice(0, 12)}@example.test`, password: PASSWORD };
}

export function uniqueSlug(prefix = "team"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/**
 * Signs up through the real form, which never signs in (it answers the same for a taken address),
 * then signs in with the password; the new user lands on "create your team" (or the callback).
 * The address stays unverified unless the test opens the mailed link (e2e/mail.spec.ts).
 */
export async function signUp(page: Page, user: TestUser, callbackUrl?: string): Promise<void> {
  await page.goto(callbackUrl ? `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-up");
  await page.getByLabel("Your name").fill(user.name);
  await page.getByLabel("Work email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/check-email"));
  await signIn(page, user, callbackUrl);
}

/** Signs in through the form; retried in case the first click came before the page hydrated. */
export async function signIn(page: Page, user: TestUser, callbackUrl?: string): Promise<void> {
  await page.goto(callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in");
  await expect(async () => {
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"), { timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
}

export async function createTeam(page: Page, name: string, slug: string, timeZone = "Africa/Cairo"): Promise<void> {
  await page.goto("/teams/new");
  await page.getByLabel("Team name").fill(name);
  await page.getByLabel("URL").fill(slug);
  await page.getByLabel("Time zone").fill(timeZone);
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${slug}/incidents$`));
}

/** A fresh signed-in user in a browser context of their own. */
export async function userInNewContext(browser: Browser, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const user = newUser(name);
  await signUp(page, user);
  return { context, page, user };
}

/** The owner creates an invite link; a new user signs up through it in a context of their own. */
export async function inviteNewMember(owner: Page, browser: Browser, slug: string, name: string) {
  await owner.goto(`/t/${slug}/settings/members`);
  await owner.getByRole("button", { name: "Create invite link" }).click();
  const link = await owner.getByLabel(/Invite link/).inputValue();
  const context = await browser.newContext();
  const page = await context.newPage();
  const user = newUser(name);
  await signUp(page, user, new URL(link).pathname);
  await page.getByRole("button", { name: /^Join / }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${slug}/incidents$`));
  return { context, page, user };
}

/** Types a date and a 24-hour time into a zoned time input (components/time/zoned-time-input.tsx), by its label. */
export async function fillZonedTime(page: Page, label: string, date: string, time: string): Promise<void> {
  await page.getByLabel(`${label}: date`).fill(date);
  await page.getByLabel(`${label}: time`).fill(time);
}
