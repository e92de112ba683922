import { expect, test, type Page } from "@playwright/test";
import { createTeam, inviteNewMember, newUser, signUp, uniqueSlug } from "./fixtures";

async function declare(page: Page, slug: string, title: string) {
  await page.goto(`/t/${slug}/incidents/new`);
  await page.getByLabel("What is happening?").fill(title);
  await page.getByLabel("What is happening?").press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

const section = (page: Page, heading: string) => page.locator(`.postmortem-doc h2:has-text("${heading}") + p`);
/** A paragraph's text without the name labels of other people's carets. */
const textOf = (page: Page, heading: string) =>
  section(page, heading).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".collaboration-carets__caret").forEach((caret) => caret.remove());
    return copy.textContent ?? "";
  });
/** Clicks into a section's paragraph and waits until the caret is really there (a layout shift can move a click). */
async function placeCaret(page: Page, heading: string) {
  await expect(async () => {
    await section(page, heading).click();
    expect(await section(page, heading).evaluate((el) => el.contains(window.getSelection()?.anchorNode ?? null))).toBe(true);
  }).toPass({ timeout: 10_000 });
}
const saved = (page: Page) => expect(page.locator("[data-connection]").first()).toHaveText("All changes saved", { timeout: 20_000 });

async function openPostmortem(page: Page, slug: string) {
  await page.goto(`/t/${slug}/incidents/1/postmortem`);
  await saved(page);
  await expect(page.locator(".postmortem-doc")).toHaveAttribute("contenteditable", "true");
}

test("a team starts a postmortem from the default template and writes it together, live", async ({ page, browser }) => {
  const owner = newUser("Ada Owner");
  const slug = uniqueSlug("pm");
  await signUp(page, owner);
  await createTeam(page, "Postmortem Team", slug, "Africa/Johannesburg");
  await declare(page, slug, "Reports stopped generating");
  await page.getByRole("link", { name: "Start postmortem" }).click();
  await expect(page.getByRole("radio", { name: /Hindsight standard/ })).toBeChecked();
  await page.getByRole("button", { name: "Start the postmortem" }).click();

  // The template's sections, their help text and the live facts are there.
  await saved(page);
  for (const heading of ["Summary", "Timeline", "Root cause", "Resolution and recovery", "Corrective and preventive measures", "Where we got lucky"]) {
    await expect(page.locator(".postmortem-doc h2", { hasText: heading })).toBeVisible();
  }
  await expect(section(page, "Root cause")).toHaveAttribute("data-placeholder", /Why it happened/);
  await expect(page.locator("[data-live-block=summary]")).toContainText("GMT+2");
  await expect(page.locator("[data-live-block=timeline]")).toContainText("No starred events yet");

  const member = await inviteNewMember(page, browser, slug, "Grace Member");
  await openPostmortem(member.page, slug);
  await openPostmortem(page, slug);
  await expect(page.getByRole("list", { name: "People in this document" }).getByText("Grace Member")).toBeAttached();
  await expect(member.page.getByRole("list", { name: "People in this document" }).getByText("Ada Owner")).toBeAttached();

  // Both type into the same paragraph at once; both see every keystroke of the other.
  await placeCaret(page, "Root cause");
  await placeCaret(member.page, "Root cause");
  await Promise.all([
    page.keyboard.type("An unindexed query on a grown table. ", { delay: 15 }),
    member.page.keyboard.type("Found with EXPLAIN. ", { delay: 15 }),
  ]);
  for (const p of [page, member.page]) {
    await expect.poll(() => textOf(p, "Root cause")).toContain("An unindexed query on a grown table.");
    await expect.poll(() => textOf(p, "Root cause")).toContain("Found with EXPLAIN.");
  }
  await expect.poll(async () => (await textOf(page, "Root cause")) === (await textOf(member.page, "Root cause"))).toBe(true);
  await expect(page.locator(".collaboration-carets__label", { hasText: "Grace Member" })).toBeVisible();

  // Someone writes into the empty paragraph your caret is waiting in: your caret stays there.
  await placeCaret(member.page, "What went wrong");
  await placeCaret(page, "What went wrong");
  await page.keyboard.type("Nobody looked at the database.");
  await expect.poll(() => textOf(member.page, "What went wrong")).toBe("Nobody looked at the database.");
  await member.page.keyboard.type("We trusted the CPU graph. ");
  for (const p of [page, member.page]) await expect.poll(() => textOf(p, "What went wrong")).toBe("We trusted the CPU graph. Nobody looked at the database.");
  await saved(page);
  await saved(member.page);

  // The stored document equals what both see (after a reload, from the server).
  const shown = await textOf(page, "Root cause");
  await member.page.reload();
  await saved(member.page);
  await expect.poll(() => textOf(member.page, "Root cause")).toBe(shown);

  // A comment with a mention: the mentioned member is notified and sees the thread.
  await section(page, "Root cause").selectText();
  await page.getByRole("button", { name: "Comment on the selected text" }).click();
  const box = page.getByLabel("New comment");
  await box.pressSequentially("Can you add the plan output, @Gra");
  await page.getByRole("option", { name: "Grace Member" }).click();
  await page.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(page.locator(".postmortem-doc .comment-anchor")).toBeVisible();
  await expect(page.getByRole("heading", { name: /Comments/ })).toContainText("1 open");
  await member.page.goto("/notifications");
  await expect(member.page.getByText("Ada Owner mentioned you in the postmortem of INC-1")).toBeVisible();
  await member.page.getByText("Ada Owner mentioned you in the postmortem of INC-1").click();
  await expect(member.page.getByText("Can you add the plan output, @Grace Member")).toBeVisible();

  // A Mermaid diagram is drawn as a picture.
  await placeCaret(page, "What went well");
  await page.getByRole("button", { name: "Mermaid diagram" }).click();
  await expect(page.getByTestId("mermaid-diagram")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("mermaid-diagram")).toHaveAttribute("src", /^data:image\/svg\+xml/);
  await saved(page);
  await member.context.close();
});

test("an older version is compared and restored for everyone, keeping the replaced text", async ({ page }) => {
  const owner = newUser("Rita Restorer");
  const slug = uniqueSlug("pmv");
  await signUp(page, owner);
  await createTeam(page, "Versions Team", slug);
  await declare(page, slug, "Queue backlog");
  await page.goto(`/t/${slug}/incidents/1/postmortem`);
  await page.getByRole("button", { name: "Start the postmortem" }).click();
  await saved(page);
  await placeCaret(page, "Root cause");
  await page.keyboard.type("A consumer crashed on a poison message.");
  await saved(page);
  await page.waitForTimeout(2500); // stored by the collaboration server (2 s debounce)

  await page.getByRole("link", { name: "History" }).click();
  await page.getByLabel("Name this version").fill("First draft");
  await page.getByRole("button", { name: "Save version" }).click();
  await expect(page.getByText("Version saved.")).toBeVisible();

  await page.goto(`/t/${slug}/incidents/1/postmortem`);
  await saved(page);
  await placeCaret(page, "Root cause");
  await page.keyboard.press("End");
  await page.keyboard.type(" Actually it was the network.");
  await saved(page);
  await page.waitForTimeout(2500);

  await page.getByRole("link", { name: "History" }).click();
  const row = page.getByRole("listitem").filter({ hasText: "First draft" });
  await row.getByRole("link", { name: "Compare with current" }).click();
  await expect(page.getByRole("heading", { name: "Changes from First draft to the current text" })).toBeVisible();
  await expect(page.locator("ins", { hasText: "Actually it was the network." })).toBeVisible();

  await page.getByRole("listitem").filter({ hasText: "First draft" }).getByRole("button", { name: "Restore" }).click();
  await page.getByRole("button", { name: "Restore it" }).click();
  await expect(page.getByText("Restored First draft. The previous content is kept as a version.")).toBeVisible();
  await page.reload();
  await expect(page.getByText("Before restoring First draft")).toBeVisible();
  await expect(page.getByText("Restored First draft")).toBeVisible();

  await page.goto(`/t/${slug}/incidents/1/postmortem`);
  await saved(page);
  await expect.poll(() => textOf(page, "Root cause")).toBe("A consumer crashed on a poison message.");
});

test("a viewer reads the postmortem live but cannot change it", async ({ page, browser }) => {
  const slug = uniqueSlug("pmr");
  await signUp(page, newUser("Olga Owner"));
  await createTeam(page, "Readers Team", slug);
  await declare(page, slug, "Login errors");
  await page.goto(`/t/${slug}/incidents/1/postmortem`);
  await page.getByRole("button", { name: "Start the postmortem" }).click();
  await saved(page);
  const viewer = await inviteNewMember(page, browser, slug, "Vic Viewer");
  await page.goto(`/t/${slug}/settings/members`);
  const row = page.locator(`[data-testid=member-row][data-email="${viewer.user.email}"]`);
  await row.getByLabel(/Role of/).selectOption("VIEWER");
  await row.getByRole("button", { name: "Save role" }).click();
  await expect(row.getByText("Role updated.")).toBeVisible();

  await viewer.page.goto(`/t/${slug}/incidents/1/postmortem`);
  await saved(viewer.page);
  await expect(viewer.page.getByText("You can read this postmortem; your role cannot edit it.")).toBeVisible();
  await expect(viewer.page.locator(".postmortem-doc")).toHaveAttribute("contenteditable", "false");
  await expect(viewer.page.getByRole("toolbar", { name: "Formatting" })).toHaveCount(0);

  await openPostmortem(page, slug);
  await placeCaret(page, "Root cause");
  await page.keyboard.type("Written by the owner.");
  await expect.poll(() => textOf(viewer.page, "Root cause")).toBe("Written by the owner.");
  await viewer.context.close();
});

test("edits made while disconnected are kept and merge when the connection returns; a 1 MB paste is refused", async ({ page, browser }) => {
  const slug = uniqueSlug("pmo");
  await signUp(page, newUser("Otto Online"));
  await createTeam(page, "Offline Team", slug);
  await declare(page, slug, "Flaky network");
  await page.goto(`/t/${slug}/incidents/1/postmortem`);
  await page.getByRole("button", { name: "Start the postmortem" }).click();
  await saved(page);
  const member = await inviteNewMember(page, browser, slug, "Fiona Flaky");

  // Fiona's connection to the collaboration server drops, and stays down until we allow it again.
  let connected = true;
  const sockets: { close(): Promise<void> }[] = [];
  await member.page.routeWebSocket(/\/collab$/, (ws) => {
    if (!connected) {
      void ws.close({ code: 1006, reason: "network down" }).catch(() => undefined);
      return;
    }
    ws.connectToServer();
    sockets.push(ws);
  });
  await openPostmortem(member.page, slug);
  await openPostmortem(page, slug);
  await placeCaret(page, "Root cause");
  await page.keyboard.type("Shared start. ");
  await expect.poll(() => textOf(member.page, "Root cause")).toContain("Shared start.");

  connected = false;
  await Promise.all(sockets.map((ws) => ws.close().catch(() => undefined)));
  await expect(member.page.locator("[data-connection]").first()).toHaveAttribute("data-connection", "offline");
  await placeCaret(member.page, "Resolution and recovery");
  await member.page.keyboard.type("Written while offline.");
  await expect(member.page.locator("[data-connection]").first()).toContainText("unsaved changes are kept in this browser");
  await placeCaret(page, "Root cause");
  await page.keyboard.press("End");
  await page.keyboard.type("Written online meanwhile.");
  await saved(page);

  connected = true;
  await saved(member.page);
  for (const p of [page, member.page]) {
    await expect.poll(() => textOf(p, "Resolution and recovery"), { timeout: 20_000 }).toBe("Written while offline.");
    await expect.poll(() => textOf(p, "Root cause"), { timeout: 20_000 }).toBe("Shared start. Written online meanwhile.");
  }

  // Offline again, Fiona writes and closes the tab; the browser's copy sends it when she comes back.
  connected = false;
  await Promise.all(sockets.map((ws) => ws.close().catch(() => undefined)));
  await expect(member.page.locator("[data-connection]").first()).toHaveAttribute("data-connection", "offline");
  await placeCaret(member.page, "What went well");
  await member.page.keyboard.type("Kept after closing the tab.");
  await member.page.waitForTimeout(500);
  await member.page.close();
  const back = await member.context.newPage();
  await openPostmortem(back, slug);
  for (const p of [page, back]) await expect.poll(() => textOf(p, "What went well"), { timeout: 20_000 }).toBe("Kept after closing the tab.");
  // Signing out forgets the browser's copies, so the next person at this computer finds none.
  const copies = () => back.evaluate(async () => (await indexedDB.databases()).filter((d) => d.name?.startsWith("hindsight-doc:")).length);
  expect(await copies()).toBe(1);
  await back.locator("summary", { hasText: "Account" }).click();
  await back.getByRole("button", { name: "Sign out" }).click();
  await back.waitForURL(/\/sign-in/);
  await expect.poll(copies).toBe(0);

  // A paste far beyond the limit is refused in the editor, with the limit named.
  await placeCaret(page, "What went wrong");
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData("text/plain", "x".repeat(1024 * 1024));
    document.querySelector(".postmortem-doc")?.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByRole("alert").filter({ hasText: "one paste can be at most 200 KB. Nothing was pasted" })).toBeVisible();
  await expect.poll(() => textOf(page, "What went wrong")).toBe("");
  await member.context.close();
});
