import { expect, test } from "@playwright/test";
import { createTeam, newUser, signUp, uniqueSlug } from "./fixtures";

// Someone logging an incident types the next line while the first is still being saved: the
// keys typed right after Enter (well within 50 ms) must land in the field, and a "d" among
// them must never be taken for the "declare an incident" shortcut.
test("typing straight after Enter stays in the field (timeline entry and task quick-add)", async ({ page }) => {
  await signUp(page, newUser("Quinn Typist"));
  const slug = uniqueSlug("typing");
  await createTeam(page, "Typing", slug);
  await page.goto(`/t/${slug}/incidents/new`);
  await page.getByLabel("What is happening?").fill("Checkout returns 502");
  await page.getByLabel("What is happening?").press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Checkout returns 502" })).toBeVisible();
  const incidentUrl = page.url();

  const entry = page.getByLabel("What happened");
  await entry.fill("Paged the database on-call");
  await entry.press("Enter");
  await page.keyboard.type("deployed the fix at 08:12", { delay: 5 });
  await expect(page.getByTestId("timeline-body").filter({ hasText: "Paged the database on-call" })).toBeVisible();
  await expect(entry).toHaveValue("deployed the fix at 08:12");
  await expect(entry).toBeFocused();
  await expect(page.locator("#event-body-limit")).toContainText("25 / 20,000");
  expect(page.url()).toBe(incidentUrl);
  // The second line is sent like the first.
  await entry.press("Enter");
  await expect(page.getByTestId("timeline-body").filter({ hasText: "deployed the fix at 08:12" })).toBeVisible();
  await expect(entry).toHaveValue("");
  await expect(page.locator("#event-body-limit")).toContainText("0 / 20,000");

  const task = page.getByLabel("New task");
  await task.fill("Add an index on orders");
  await task.press("Enter");
  await page.keyboard.type("document the deploy freeze", { delay: 5 });
  await expect(page.getByTestId("task-row").filter({ hasText: "Add an index on orders" })).toBeVisible();
  await expect(task).toHaveValue("document the deploy freeze");
  await expect(task).toBeFocused();
  expect(page.url()).toBe(incidentUrl);
});

test("a refused entry keeps its text, and the limit is shown instead of a silent cut", async ({ page }) => {
  await signUp(page, newUser("Lena Limits"));
  const slug = uniqueSlug("limits");
  await createTeam(page, "Limits", slug);
  await page.goto(`/t/${slug}/incidents/new`);
  const title = page.getByLabel("What is happening?");
  await title.fill("\u200B\u200B   ");
  await title.press("Enter");
  await expect(page.getByText("Give the incident a title.")).toBeVisible();
  await title.fill("x".repeat(210));
  await expect(page.getByText("210 / 200")).toBeVisible();
  await title.press("Enter");
  await expect(page.getByText("Keep the title under 200 characters.")).toBeVisible();
  await expect(title).toHaveValue("x".repeat(210));
});
