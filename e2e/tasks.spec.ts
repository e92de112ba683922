import { expect, test, type Page } from "@playwright/test";
import { createTeam, inviteNewMember, newUser, signUp, uniqueSlug } from "./fixtures";

async function addTask(page: Page, title: string, type: string, owner?: string, due?: string) {
  await page.getByLabel("New task").fill(title);
  await page.getByLabel("Type").selectOption({ label: type });
  if (owner) await page.getByLabel("Owner").selectOption({ label: owner });
  if (due) await page.getByLabel("Due date").fill(due);
  await page.getByRole("button", { name: "Add task" }).click();
  await expect(page.getByTestId("task-row").filter({ hasText: title })).toBeVisible();
}

test("tasks of every type from the incident page, assigned, done, progress, and a recurring one", async ({ page, browser }) => {
  await signUp(page, newUser("Tara Owner"));
  const slug = uniqueSlug("tasks");
  await createTeam(page, "Task Team", slug);
  const colleague = await inviteNewMember(page, browser, slug, "Cole Member");

  await page.goto(`/t/${slug}/incidents/new`);
  await page.getByLabel("What is happening?").fill("Reports stopped generating");
  await page.getByRole("button", { name: "Declare incident" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reports stopped generating" })).toBeVisible();
  const incidentUrl = page.url();

  await addTask(page, "Optimise the report query", "Corrective", "Cole Member", "2030-01-15");
  await addTask(page, "Schedule regular load tests", "Preventive");
  await addTask(page, "Alert on report generation lag", "Detective");
  await addTask(page, "Add a circuit breaker to reports", "Mitigating");
  await addTask(page, "Document query review practice", "Process / docs");
  await expect(page.getByTestId("task-progress")).toContainText("0 of 5 done");

  // The colleague sees their task in My tasks, with a notification.
  await colleague.page.goto("/my/tasks");
  await expect(colleague.page.getByTestId("unread-count")).toHaveText("1");
  await colleague.page.getByRole("link", { name: /Optimise the report query/ }).click();
  await colleague.page.waitForURL(/\/tasks\/[^/]+$/);
  await colleague.page.getByLabel("Done").check();
  await colleague.page.getByRole("button", { name: "Update status" }).click();
  await expect(colleague.page.getByText("Status updated.")).toBeVisible();
  await colleague.page.goto("/my/tasks");
  await expect(colleague.page.getByText("Nothing assigned to you")).toBeVisible();

  await page.goto(incidentUrl);
  await expect(page.getByTestId("task-progress")).toContainText("1 of 5 done");
  await expect(page.getByText("“Optimise the report query”: Open → Done.")).toBeVisible();

  // A recurring task spawns its next occurrence when done.
  await page.getByTestId("task-row").filter({ hasText: "Schedule regular load tests" }).click();
  await page.waitForURL(/\/tasks\/[^/]+$/);
  await page.getByLabel("Due date").fill("2030-02-01");
  await page.getByLabel("Repeat every").fill("2");
  await page.getByLabel("Unit").selectOption("WEEKS");
  await page.getByRole("button", { name: "Save task" }).click();
  await expect(page.getByText(/every 2 weeks/)).toBeVisible();
  await page.getByLabel("Done").check();
  await page.getByRole("button", { name: "Update status" }).click();
  await expect(page.getByText("Done. The next occurrence is scheduled.")).toBeVisible();
  const occurrences = page.getByRole("list", { name: "Occurrences" });
  await expect(occurrences).toContainText("#1 · due 2030-02-01");
  await expect(occurrences).toContainText("#2 · due 2030-02-15");

  await colleague.context.close();
});

test("blocked needs a reason; a viewer cannot change tasks", async ({ page, browser }) => {
  await signUp(page, newUser("Bea Owner"));
  const slug = uniqueSlug("block");
  await createTeam(page, "Block Team", slug);
  await page.goto(`/t/${slug}/incidents/new`);
  await page.getByLabel("What is happening?").fill("Queue backlog");
  await page.getByRole("button", { name: "Declare incident" }).click();
  await addTask(page, "Add queue depth alert", "Detective");
  await page.getByTestId("task-row").filter({ hasText: "Add queue depth alert" }).click();
  await page.waitForURL(/\/tasks\/[^/]+$/);
  const taskUrl = page.url();
  await page.getByLabel("Blocked").check();
  await page.getByRole("button", { name: "Update status" }).click();
  await expect(page.getByText("Say what it is blocked on.")).toBeVisible();
  await page.getByLabel("Blocked on").fill("Waiting for the metrics pipeline");
  await page.getByRole("button", { name: "Update status" }).click();
  await expect(page.getByText("Blocked: Waiting for the metrics pipeline")).toBeVisible();

  const viewer = await inviteNewMember(page, browser, slug, "Vic Viewer");
  await page.goto(`/t/${slug}/settings/members`);
  const row = page.locator(`[data-testid=member-row][data-email="${viewer.user.email}"]`);
  await row.getByLabel(/Role of/).selectOption("VIEWER");
  await row.getByRole("button", { name: "Save role" }).click();
  await expect(row.getByText("Role updated.")).toBeVisible();
  await viewer.page.goto(taskUrl);
  await expect(viewer.page.getByText(/can read this task but not change it/)).toBeVisible();
  await expect(viewer.page.getByRole("button", { name: "Update status" })).toHaveCount(0);
  await viewer.context.close();
});
