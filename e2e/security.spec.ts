import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { createTeam, inviteNewMember, newUser, signUp, uniqueSlug } from "./fixtures";

async function userCount(email: string): Promise<number> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const result = await client.query(`SELECT count(*)::int AS n FROM "User" WHERE email = $1`, [email]);
    return result.rows[0].n as number;
  } finally {
    await client.end();
  }
}

/**
 * The hidden fields React renders into the sign-up form so it works without JavaScript: posting
 * them is exactly what a browser (or a forger) sends to run the server action.
 */
async function signUpActionFields(page: Page): Promise<Record<string, string>> {
  await page.goto("/sign-up");
  const fields = await page.locator('form input[type=hidden][name^="$ACTION"]').evaluateAll((nodes) =>
    Object.fromEntries(nodes.map((n) => [(n as HTMLInputElement).name, (n as HTMLInputElement).value])),
  );
  expect(Object.keys(fields).length, "the sign-up form carries its action").toBeGreaterThan(0);
  return fields;
}

test("a server action posted with a null or foreign Origin changes nothing", async ({ page, request, baseURL }) => {
  const action = await signUpActionFields(page);
  const post = (origin: string, email: string) =>
    request.post("/sign-up", {
      headers: { Origin: origin },
      multipart: { ...action, name: "Forged", email, password: "long enough password" },
      failOnStatusCode: false,
      maxRedirects: 0,
    });
  for (const origin of ["null", "https://evil.example"]) {
    const email = newUser().email;
    await post(origin, email);
    expect(await userCount(email), `Origin ${origin}`).toBe(0);
  }
  // The same request from our own origin works, so the refusals above are the Origin check.
  const email = newUser().email;
  await post(baseURL!, email);
  expect(await userCount(email)).toBe(1);
});

test("a spoofed x-middleware-subrequest header bypasses nothing", async ({ page, browser }) => {
  await signUp(page, newUser("Header Owner"));
  const slug = uniqueSlug("hdr");
  await createTeam(page, "Header Team", slug);
  const anonymous = await browser.newContext({ extraHTTPHeaders: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy:middleware:middleware:middleware:middleware:middleware" } });
  const visitor = await anonymous.newPage();
  await visitor.goto(`/t/${slug}/settings`);
  await expect(visitor).toHaveURL(/\/sign-in/);
  await expect(visitor.getByText("Header Team")).toHaveCount(0);
  await anonymous.close();
});

test("no server secret reaches the browser's JavaScript", async ({ page, request }) => {
  await page.goto("/sign-in");
  const sources = await page.locator("script[src]").evaluateAll((nodes) => nodes.map((n) => (n as HTMLScriptElement).src));
  expect(sources.length).toBeGreaterThan(0);
  const secrets = [process.env.NEXTAUTH_SECRET!, new URL(process.env.DATABASE_URL!).pathname.slice(1)].filter((s) => s.length > 8);
  for (const src of sources) {
    const body = await (await request.get(src)).text();
    for (const secret of secrets) expect(body.includes(secret), `${src} contains a secret`).toBe(false);
  }
});

const OFF_SITE_CALLBACKS = ["/.//evil.example", "/..//evil.example", "/%2e%2e//evil.example", "/\\evil.example", "\\/\\/evil.example", "/\t/evil.example", "https://evil.example/", "javascript:alert(1)"];

test("callbackUrl values that normalise to another host land on this site", async ({ page, request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  // Signed in, /sign-in sends the visitor on to the callbackUrl at once.
  await signUp(page, newUser("Redirect Target"));
  for (const callbackUrl of OFF_SITE_CALLBACKS) {
    const response = await page.request.get(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`, { maxRedirects: 0, failOnStatusCode: false });
    expect(response.status(), callbackUrl).toBeLessThan(400);
    const location = response.headers()["location"] ?? "";
    expect(new URL(location, origin).origin, `${callbackUrl} → ${location}`).toBe(origin);
  }
  // next-auth's own endpoints: the callback URL it hands back stays here and nothing answers 500.
  for (const callbackUrl of [...OFF_SITE_CALLBACKS, "http://[bad", "not a url"]) {
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await request.post("/api/auth/signin/oidc", {
      form: { csrfToken, callbackUrl, json: "true" },
      failOnStatusCode: false,
    });
    expect(response.status(), callbackUrl).toBeLessThan(500);
    const cookie = (await request.storageState()).cookies.find((c) => c.name.endsWith("next-auth.callback-url"));
    expect(new URL(decodeURIComponent(cookie?.value ?? "/"), origin).origin, callbackUrl).toBe(origin);
  }
});

test("password guesses are refused with 429 and Retry-After before the password is checked", async ({ page, request, browser }) => {
  const owner = newUser("Guessed Owner");
  await signUp(page, owner);
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const guess = (password: string) =>
    request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: owner.email, password, json: "true", callbackUrl: "/" },
      failOnStatusCode: false,
    });
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) statuses.push((await guess(`wrong password ${i}`)).status());
  expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
  const refused = await guess(owner.password);
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  const { url } = (await refused.json()) as { url: string };
  // The sixth guess meets either this address's limit for the account (minutes) or the account's growing delay (seconds).
  expect(new URL(url).searchParams.get("error")).toMatch(/^Too many sign-in attempts\. Try again in \d+ (seconds?|minutes?)\.$/);

  // Guessing through the form: the refusal is shown with how long to wait. (The API client above
  // may reach the server over another loopback address than the browser, so it counts apart.)
  const visitor = await browser.newContext();
  const form = await visitor.newPage();
  await form.goto("/sign-in");
  await expect(async () => {
    await form.getByLabel("Email").fill(owner.email);
    await form.getByLabel("Password").fill("still the wrong password");
    await form.getByRole("button", { name: "Sign in", exact: true }).click();
    // Which limit refuses first (this address and account, or the account's delay for a new address) decides the wait.
    await expect(form.getByRole("alert").filter({ hasText: "Too many" })).toHaveText(/^Too many sign-in attempts\. Try again in \d+ (seconds?|minutes?)\.$/, { timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  await visitor.close();
});

test("X-Forwarded-For from a client does not buy it a fresh sign-in budget", async ({ page, request }) => {
  const owner = newUser("Spoof Target");
  await signUp(page, owner);
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  let last = 0;
  for (let i = 0; i < 6; i++) {
    const response = await request.post("/api/auth/callback/credentials", {
      headers: { "X-Forwarded-For": `203.0.113.${i + 1}` },
      form: { csrfToken, email: owner.email, password: `wrong password ${i}`, json: "true", callbackUrl: "/" },
      failOnStatusCode: false,
    });
    last = response.status();
  }
  expect(last).toBe(429);
  // The address the app saw is the connection's (recorded at sign-up), not a header's.
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT a.ip FROM "SignInAddress" a JOIN "User" u ON u.id = a."userId" WHERE u.email = $1`, [owner.email]);
    expect(rows.map((r: { ip: string }) => r.ip)).toEqual([expect.stringMatching(/^(127\.0\.0\.1|::1)$/)]);
  } finally {
    await client.end();
  }
});

test("the audit log is a 404 for members and viewers, not a 500", async ({ page, browser }) => {
  await signUp(page, newUser("Audit Owner"));
  const slug = uniqueSlug("audit");
  await createTeam(page, "Audit Team", slug);
  expect((await page.goto(`/t/${slug}/settings/audit`))?.status()).toBe(200);

  const member = await inviteNewMember(page, browser, slug, "Audit Member");
  expect((await member.page.goto(`/t/${slug}/settings/audit`))?.status()).toBe(404);
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(`UPDATE "Membership" SET role = 'VIEWER' WHERE "userId" = (SELECT id FROM "User" WHERE email = $1)`, [member.user.email]);
  } finally {
    await client.end();
  }
  expect((await member.page.goto(`/t/${slug}/settings/audit`))?.status()).toBe(404);
  await member.context.close();
});

// A 1×1 PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

test("uploaded images keep their own sandbox CSP", async ({ page, baseURL }) => {
  await signUp(page, newUser("Upload Owner"));
  const slug = uniqueSlug("upl");
  await createTeam(page, "Upload Team", slug);
  await page.goto(`/t/${slug}/incidents/new`);
  await page.getByLabel("What is happening?").fill("Images everywhere");
  await page.getByLabel("What is happening?").press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Images everywhere" })).toBeVisible();
  await page.getByRole("link", { name: "Start postmortem" }).click();
  await page.getByRole("button", { name: "Start the postmortem" }).click();
  // The start form is on the same address: wait for the editor, which exists once the postmortem does.
  await expect(page.locator("[data-connection]").first()).toBeVisible({ timeout: 20_000 });

  const uploaded = await page.request.post(`/t/${slug}/incidents/1/postmortem/uploads`, {
    headers: { Origin: new URL(baseURL!).origin },
    multipart: { file: { name: "dot.png", mimeType: "image/png", buffer: PNG } },
  });
  expect(uploaded.status()).toBe(201);
  const { url } = (await uploaded.json()) as { url: string };
  const image = await page.request.get(url);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-security-policy"]).toBe("default-src 'none'; sandbox");
});
