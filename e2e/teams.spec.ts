import { expect, test } from "@playwright/test";
import { createTeam, signIn, signUp, newUser, uniqueSlug, userInNewContext } from "./fixtures";

test("create a team, invite a colleague who joins as member, make them a viewer", async ({ page, browser }) => {
  const owner = newUser("Olivia Owner");
  await signUp(page, owner);

  // A bad slug is explained and the typed name is kept.
  await page.getByLabel("Team name").fill("Payments SRE");
  await page.getByLabel("URL").fill("Not A Slug");
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByText(/Use lowercase letters, digits and single dashes/)).toBeVisible();
  await expect(page.getByLabel("Team name")).toHaveValue("Payments SRE");

  const slug = uniqueSlug("payments");
  await createTeam(page, "Payments SRE", slug);
  await expect(page.getByRole("heading", { name: "Incidents", exact: true })).toBeVisible();
  await expect(page.getByText("No incidents yet")).toBeVisible();

  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("link", { name: "Members" }).click();
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = await page.getByLabel(/Invite link/).inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);

  const colleagueContext = await browser.newContext();
  const colleague = await colleagueContext.newPage();
  const colleagueUser = newUser("Casey Colleague");
  await colleague.goto(link);
  await expect(colleague.getByText(/invited you to join/)).toContainText("Payments SRE");
  await colleague.getByRole("link", { name: "Create an account to join" }).click();
  await colleague.getByLabel("Your name").fill(colleagueUser.name);
  await colleague.getByLabel("Work email").fill(colleagueUser.email);
  await colleague.getByLabel("Password").fill(colleagueUser.password);
  await colleague.getByRole("button", { name: "Create account" }).click();
  // Sign-up never signs in (it answers the same for a taken address): sign in, back to the invite.
  await expect(colleague.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await signIn(colleague, colleagueUser, new URL(link).pathname);
  await colleague.getByRole("button", { name: "Join Payments SRE" }).click();
  await expect(colleague).toHaveURL(new RegExp(`/t/${slug}/incidents$`));

  await page.reload();
  const row = page.locator(`[data-testid=member-row][data-email="${colleagueUser.email}"]`);
  await expect(row.getByLabel(/Role of/)).toHaveValue("MEMBER");
  await row.getByLabel(/Role of/).selectOption("VIEWER");
  await row.getByRole("button", { name: "Save role" }).click();
  await expect(row.getByText("Role updated.")).toBeVisible();

  // The viewer sees the settings but no controls to change them…
  await colleague.goto(`/t/${slug}/settings`);
  await expect(colleague.getByText("Only owners and admins can change these.")).toBeVisible();
  await expect(colleague.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await expect(colleague.getByLabel("Team name")).toBeDisabled();

  // …and a forged submission (controls re-enabled by hand) is refused by the server.
  await colleague.evaluate(() => {
    const form = document.querySelector("form:has(input[name=teamId])") as HTMLFormElement;
    form.querySelector("fieldset")?.removeAttribute("disabled");
    (form.querySelector("input[name=name]") as HTMLInputElement).value = "Hijacked";
    form.requestSubmit();
  });
  await expect(colleague.getByRole("alert").filter({ hasText: "Your role in this team does not allow that." })).toBeVisible();
  await page.goto(`/t/${slug}/settings`);
  await expect(page.getByLabel("Team name")).toHaveValue("Payments SRE");

  await colleagueContext.close();
});

test("a member of one team cannot see another team", async ({ page, browser }) => {
  const owner = newUser("Team A Owner");
  await signUp(page, owner);
  const slug = uniqueSlug("private");
  await createTeam(page, "Private Team", slug);

  const outsider = await userInNewContext(browser, "Outsider");
  for (const path of [`/t/${slug}/incidents`, `/t/${slug}/settings`, `/t/${slug}/settings/members`]) {
    const response = await outsider.page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(outsider.page.getByText("Private Team")).toHaveCount(0);
  }
  await outsider.context.close();
});

test("an expired or revoked invite explains itself", async ({ page, browser }) => {
  const owner = newUser("Revoker");
  await signUp(page, owner);
  const slug = uniqueSlug("revoke");
  await createTeam(page, "Revoke Team", slug);
  await page.goto(`/t/${slug}/settings/members`);
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = await page.getByLabel(/Invite link/).inputValue();
  await page.reload();
  await page.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText("Active invite links")).toHaveCount(0);

  const visitor = await userInNewContext(browser, "Late Visitor");
  await visitor.page.goto(link);
  await expect(visitor.page.getByText(/was revoked/)).toBeVisible();
  await expect(visitor.page.getByRole("button", { name: /Join/ })).toHaveCount(0);
  await visitor.context.close();
});
