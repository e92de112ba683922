import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { startReceiver, type ReceivedRequest } from "../lib/testing/loopback-receiver";
import { E2E_SLACK_PORT } from "./slack-config";
import { createTeam, newUser, signUp, uniqueSlug } from "./fixtures";
import http from "node:http";

/** A fake Slack Web API on the port the server's SLACK_API_URL names: chat.postMessage, then chat.update. */
async function fakeSlack() {
  const calls: { method: string; auth: string | undefined; body: Record<string, unknown> }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
      const method = (req.url ?? "").replace("/api/", "");
      calls.push({ method, auth: req.headers.authorization, body });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: true, channel: "C0E2E", ts: method === "chat.update" ? body.ts : "1764500000.000200" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(E2E_SLACK_PORT, "127.0.0.1", resolve));
  return { calls, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const typeOf = (r: ReceivedRequest) => (JSON.parse(r.body) as { type: string }).type;

test("an admin connects a signed webhook and a Slack bot; a SEV1 reaches both and resolving updates the Slack message", async ({ page }) => {
  const slack = await fakeSlack();
  const hook = await startReceiver();
  try {
    await signUp(page, newUser("Hook Admin"));
    const slug = uniqueSlug("hooks");
    await createTeam(page, "Hooks", slug);

    await page.goto(`/t/${slug}/settings/webhooks`);
    await expect(page.getByText("No webhook endpoints yet")).toBeVisible();
    // A refused form comes back as it was sent, every ticked event included.
    await page.getByLabel("Endpoint URL").fill("ftp://example.com/hindsight");
    await page.getByLabel("incident.declared", { exact: true }).check();
    await page.getByLabel("incident.resolved", { exact: true }).check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByLabel("Endpoint URL")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Endpoint URL")).toHaveValue("ftp://example.com/hindsight");
    await expect(page.getByLabel("incident.declared", { exact: true })).toBeChecked();
    await expect(page.getByLabel("incident.resolved", { exact: true })).toBeChecked();
    await expect(page.getByLabel("task.created", { exact: true })).not.toBeChecked();
    await page.getByLabel("incident.declared", { exact: true }).uncheck();
    await page.getByLabel("incident.resolved", { exact: true }).uncheck();
    await page.getByLabel("Endpoint URL").fill(`${hook.url}/hindsight`);
    await page.getByLabel("Description").fill("Status page");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const secret = (await page.getByTestId("new-secret").textContent()) ?? "";
    expect(secret).toMatch(/^whsec_/);

    await page.goto(`/t/${slug}/settings/chat`);
    await page.getByLabel("Name").fill("#incidents");
    await page.getByLabel("Platform").selectOption("SLACK_BOT");
    await page.getByLabel("Bot token").fill("xoxb-e2e-token-1234");
    await page.getByLabel("Channel").fill("#incidents");
    await page.getByRole("checkbox", { name: "SEV1" }).check();
    await page.getByRole("button", { name: "Add destination" }).click();
    await expect(page.getByText("Destination added.")).toBeVisible();
    await expect(page.getByText("xoxb-e2e-token-1234")).toHaveCount(0);

    await page.goto(`/t/${slug}/incidents/new`);
    await page.getByLabel("What is happening?").fill("Checkout is failing");
    await page.locator('input[name="severity"][value="SEV1"]').check();
    await page.getByRole("button", { name: /Declare/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Checkout is failing" })).toBeVisible();

    await expect.poll(() => slack.calls.map((c) => c.method), { timeout: 20_000 }).toEqual(["chat.postMessage"]);
    expect(slack.calls[0]?.auth).toBe("Bearer xoxb-e2e-token-1234");
    expect(slack.calls[0]?.body).toMatchObject({ channel: "#incidents" });
    expect(String(slack.calls[0]?.body.text)).toContain("declared");

    await expect.poll(() => hook.received.map(typeOf), { timeout: 20_000 }).toContain("incident.declared");
    const declared = hook.received.find((r) => typeOf(r) === "incident.declared")!;
    const payload = new Webhook(secret).verify(declared.body, declared.headers as Record<string, string>) as { data: { incident: { title: string; severity: string } } };
    expect(payload.data.incident).toMatchObject({ title: "Checkout is failing", severity: "SEV1" });

    await page.getByRole("button", { name: "Resolved", exact: true }).click();
    await expect(page.getByText("Status changed from Investigating to Resolved.")).toBeVisible();
    await expect.poll(() => slack.calls.map((c) => c.method), { timeout: 20_000 }).toEqual(["chat.postMessage", "chat.update"]);
    expect(slack.calls[1]?.body).toMatchObject({ channel: "C0E2E", ts: "1764500000.000200" });
    expect(String(slack.calls[1]?.body.text)).toContain("resolved");

    await page.goto(`/t/${slug}/settings/deliveries`);
    await expect(page.getByRole("cell", { name: /incident\.resolved/ }).first()).toBeVisible();
  } finally {
    await slack.close();
    await hook.close();
  }
});
