import { expect, test } from "@playwright/test";
import { newUser, signIn, signUp } from "./fixtures";

test("sign up, sign out, a wrong password is refused, sign in again", async ({ page }) => {
  const user = newUser("Ada Lovelace");
  await signUp(page, user);
  await expect(page).toHaveURL(/\/teams\/new$/);
  await expect(page.getByRole("heading", { name: "Create your team" })).toBeVisible();

  await page.locator("summary", { hasText: "Account" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await expect(async () => {
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByLabel("Email")).toHaveValue(user.email);

  await signIn(page, user);
  await expect(page).toHaveURL(/\/teams\/new$/);
});

test("sign-up errors are shown per field and the input is kept", async ({ page }) => {
  const user = newUser("Grace Hopper");
  await signUp(page, user);
  await page.context().clearCookies();

  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Someone Else");
  await page.getByLabel("Work email").fill(user.email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveValue("Someone Else");

  // A taken address gets the same answer as a new one (its owner is told by e-mail).
  await page.getByLabel("Password").fill("long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await expect(page.getByText(user.email)).toBeVisible();
});

test("a session cookie replayed after sign-out is refused", async ({ page, browser }) => {
  const user = newUser("Replay Target");
  await signUp(page, user);
  const stolen = await page.context().cookies();

  await page.locator("summary", { hasText: "Account" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  const attacker = await browser.newContext();
  await attacker.addCookies(stolen);
  const attackerPage = await attacker.newPage();
  await attackerPage.goto("/teams/new");
  await expect(attackerPage).toHaveURL(/\/sign-in/);
  // next-auth's session endpoint agrees, and does not hand the replayed cookie a fresh one.
  const session = await attacker.request.get("/api/auth/session");
  expect(await session.json()).toEqual({});
  expect(session.headers()["set-cookie"]).toBeUndefined();
  await attacker.close();
});

test("every response carries the security headers and a nonce-based CSP", async ({ request }) => {
  const response = await request.get("/sign-in");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-powered-by"]).toBeUndefined();
});
