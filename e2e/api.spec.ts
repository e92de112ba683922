import { expect, test } from "@playwright/test";
import { createTeam, newUser, signUp, uniqueSlug } from "./fixtures";

test("a personal token, shown once, creates an incident through the API that the list shows", async ({ page, request }) => {
  await signUp(page, newUser("Avery Script"));
  const slug = uniqueSlug("api");
  await createTeam(page, "Platform", slug);

  await page.goto("/account");
  await expect(page.getByText("No tokens yet.")).toBeVisible();
  // A refused form keeps what was chosen.
  await page.getByLabel("Platform").selectOption({ label: "Read and write" });
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("Name the token after what will use it.")).toBeVisible();
  await expect(page.getByLabel("Platform")).toHaveValue("WRITE");
  await page.getByLabel("Name", { exact: true }).fill("deploy script");
  await page.getByRole("button", { name: "Create token" }).click();
  const secretField = page.getByLabel(/shown only once/);
  const secret = await secretField.inputValue();
  expect(secret).toMatch(/^hs_pat_[A-Za-z0-9_-]{43}$/);

  // Shown once: after a reload the list names the token by its prefix only.
  await page.reload();
  await expect(page.getByLabel(/shown only once/)).toHaveCount(0);
  await expect(page.getByText(secret.slice(0, 11) + "…")).toBeVisible();
  expect(await page.content()).not.toContain(secret);

  const created = await request.post(`/api/v1/teams/${slug}/incidents`, {
    headers: { Authorization: `Bearer ${secret}`, "Idempotency-Key": crypto.randomUUID() },
    data: { title: "Queue backlog from a script", severity: "SEV2", services: ["queue"] },
  });
  expect(created.status()).toBe(201);
  expect(await created.json()).toMatchObject({ number: 1, origin: "API", declaredBy: "Avery Script" });
  expect(created.headers()["ratelimit-remaining"]).toMatch(/^\d+$/);

  // The browser's session cookie opens no API door, and the token opens no page.
  expect((await page.request.get(`/api/v1/teams/${slug}/incidents`)).status()).toBe(401);
  const page404 = await request.get(`/t/${slug}/incidents`, { headers: { Authorization: `Bearer ${secret}` }, maxRedirects: 0 });
  expect(page404.status()).toBe(307);
  expect(page404.headers()["location"]).toContain("/sign-in");

  await page.goto(`/t/${slug}/incidents`);
  await expect(page.getByRole("link", { name: /Queue backlog from a script/ })).toBeVisible();

  await page.goto("/api/docs");
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Declare an incident" })).toBeVisible();
});
