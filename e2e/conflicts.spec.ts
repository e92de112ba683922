import { expect, test } from "@playwright/test";
import { createTeam, newUser, signUp, uniqueSlug } from "./fixtures";

test("a task saved by someone else meanwhile: named, typed text kept, latest values one click away", async ({ page, context }) => {
  await signUp(page, newUser("Rita Racer"));
  const slug = uniqueSlug("conflict");
  await createTeam(page, "Conflicts", slug);
  await page.goto(`/t/${slug}/incidents/new`);
  await page.getByLabel("What is happening?").fill("Queue backlog");
  await page.getByLabel("What is happening?").press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Queue backlog" })).toBeVisible();
  await page.getByLabel("New task").fill("Alert on queue depth");
  await page.getByLabel("New task").press("Enter");
  await page.getByTestId("task-row").filter({ hasText: "Alert on queue depth" }).click();
  await page.waitForURL(/\/tasks\/[^/]+$/);

  // The same task open in a second tab, saved there first.
  const other = await context.newPage();
  await other.goto(page.url());
  await other.getByLabel("Title").fill("Alert on queue depth above 10k");
  await other.getByRole("button", { name: "Save task" }).click();
  await expect(other.getByText("Saved.")).toBeVisible();

  await page.getByLabel("Description").fill("Page the on-call when the backlog grows for 5 minutes.");
  await page.getByRole("button", { name: "Save task" }).click();
  await expect(page.getByText(/This task was changed by Rita Racer at .+ while you were editing/)).toBeVisible();
  await expect(page.getByLabel("Description")).toHaveValue("Page the on-call when the backlog grows for 5 minutes.");

  await page.getByRole("button", { name: "Load latest values" }).click();
  await expect(page.getByLabel("Title")).toHaveValue("Alert on queue depth above 10k");
  await page.getByLabel("Description").fill("Page the on-call when the backlog grows for 5 minutes.");
  await page.getByRole("button", { name: "Save task" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
});
