import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { createTeam, newUser, signUp, uniqueSlug } from "./fixtures";

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
