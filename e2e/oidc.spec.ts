import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { newUser, signUp } from "./fixtures";
import { OIDC_E2E } from "./oidc-config";
import { startOidcIssuer } from "./oidc-issuer";

// One issuer on one port: these tests share it, so they run in one worker.
test.describe.configure({ mode: "serial" });

let issuer: Awaited<ReturnType<typeof startOidcIssuer>> | undefined;
test.beforeAll(async () => {
  issuer = await startOidcIssuer();
});
test.afterAll(async () => {
  await issuer?.stop();
});

async function linkedProviders(email: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const result = await client.query(`SELECT a.provider FROM "Account" a JOIN "User" u ON u.id = a."userId" WHERE u.email = $1`, [email]);
    return result.rows.map((r: { provider: string }) => r.provider);
  } finally {
    await client.end();
  }
}

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // The issuer's development pages import a web font; there is no internet here.
  await page.route("https://fonts.googleapis.com/**", (route) => route.abort());
  return page;
}

/** Clicks a button that starts the provider's sign-in (retried until hydration made it work), then logs in at the issuer. */
async function throughIssuer(page: Page, start: () => Promise<void>, login: string): Promise<void> {
  await expect(async () => {
    await start();
    await page.waitForURL((url) => url.origin === OIDC_E2E.issuer, { timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password at all");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.waitForURL((url) => url.origin === OIDC_E2E.appUrl);
}

const ssoButton = (page: Page) => page.getByRole("button", { name: OIDC_E2E.name, exact: true });

async function signInWithSso(page: Page, login: string): Promise<void> {
  await page.goto("/sign-in");
  await throughIssuer(page, () => ssoButton(page).click(), login);
}

test("a new user signs in with OpenID Connect and gets an account", async ({ browser }) => {
  const page = await freshPage(browser);
  const email = newUser().email;
  await signInWithSso(page, email);
  await expect(page).not.toHaveURL(/\/sign-in/);
  await page.goto("/account");
  await expect(page.getByText(`Signed in as IdP ${email.split("@")[0]} (${email})`)).toBeVisible();
  await expect(page.getByRole("list", { name: "Linked identities" })).toContainText(OIDC_E2E.name);
  expect(await linkedProviders(email)).toEqual(["oidc"]);
  await page.context().close();
});

test("an OIDC sign-in is not linked to an existing password account, and says what to do", async ({ browser }) => {
  const owner = newUser("Password Owner");
  const ownerPage = await freshPage(browser);
  await signUp(ownerPage, owner);
  await ownerPage.context().close();

  const page = await freshPage(browser);
  await signInWithSso(page, owner.email);
  await expect(page).toHaveURL(/\/sign-in\?error=OAuthAccountExists/);
  await expect(
    page.getByRole("alert").filter({ hasText: "An account with this email already exists." }),
  ).toHaveText("An account with this email already exists. Sign in with your password, then link this sign-in method from Account settings.");
  // Not signed in as the owner, and nothing was linked.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await linkedProviders(owner.email)).toEqual([]);
  await page.context().close();
});

test("a signed-in password user links an identity from settings, then signs in with it", async ({ browser }) => {
  const owner = newUser("Linking Owner");
  const page = await freshPage(browser);
  await signUp(page, owner);
  await page.goto("/account");
  await expect(page.getByText("No identity provider is linked yet.")).toBeVisible();
  // The identity at the provider may carry another address: the user vouches for it by being signed in.
  const corporateLogin = `corp-${owner.email}`;
  await throughIssuer(page, () => page.getByRole("button", { name: `Link ${OIDC_E2E.name}` }).click(), corporateLogin);
  await expect(page).toHaveURL(/\/account\?linked=oidc/);
  await expect(page.getByRole("status").filter({ hasText: "is now linked" })).toHaveText(`${OIDC_E2E.name} is now linked: you can sign in with it.`);
  await expect(page.getByRole("list", { name: "Linked identities" })).toContainText(OIDC_E2E.name);
  expect(await linkedProviders(owner.email)).toEqual(["oidc"]);
  await page.context().close();

  const later = await freshPage(browser);
  await signInWithSso(later, corporateLogin);
  await later.goto("/account");
  await expect(later.getByText(`Signed in as ${owner.name} (${owner.email})`)).toBeVisible();
  await later.context().close();
});
