import { describe, expect, it } from "vitest";
import type { JSONContent } from "@tiptap/core";
import { db } from "@/lib/db";
import { declareIncident } from "@/lib/incidents/mutations";
import { addEvent } from "@/lib/timeline/mutations";
import { createTask } from "@/lib/tasks/mutations";
import { importPostmortem } from "@/lib/postmortems/mutations";
import { exportPostmortem } from "@/lib/postmortems/export-file";
import { cleanDocument, normaliseDocument, plainText } from "@/lib/postmortems/document";
import { markdownFileToDocument } from "@/lib/postmortems/markdown-file";
import { redactDocument } from "@/lib/publishing/redact";
import { createTeamWith } from "@/lib/testing/factories";

const text = (value: string, marks?: JSONContent["marks"]): JSONContent => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const p = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const h = (level: number, title: string, attrs: Record<string, unknown> = {}): JSONContent => ({ type: "heading", attrs: { level, ...attrs }, content: [text(title)] });
const cell = (type: "tableHeader" | "tableCell", value: string): JSONContent => ({ type, content: [p(text(value))] });
const SECRET = "db-7.corp.internal";

/** A postmortem using everything the editor can write. */
const RICH: JSONContent = {
  type: "doc",
  content: [
    h(2, "Summary", { required: true, help: 'What happened, in two lines. Say "who" noticed.' }),
    p(text("Checkout returned "), text("List<String>", [{ type: "code" }]), text(" instead of <none>; see "), text("the runbook", [{ type: "link", attrs: { href: "https://wiki.example/runbook" } }]), text(".")),
    { type: "liveBlock", attrs: { kind: "summary", scope: "starred" } },
    h(2, "Internal notes", { internal: true }),
    p(text("Only for us: the primary was "), text(SECRET, [{ type: "bold" }])),
    h(2, "Root cause"),
    p(text("The pool was "), text(`exhausted on ${SECRET}`, [{ type: "internal" }, { type: "italic" }]), text(" after the deploy, "), text("then", [{ type: "internal" }]), text(" it recovered.")),
    { type: "liveBlock", attrs: { kind: "timeline", scope: "all" } },
    h(3, "Contributing factors"),
    { type: "bulletList", content: [{ type: "listItem", content: [p(text("No alert on pool size"))] }, { type: "listItem", content: [p(text("Retry storm"), { type: "hardBreak" }, text("from clients"))] }] },
    { type: "orderedList", attrs: { start: 1 }, content: [{ type: "listItem", content: [p(text("first"))] }, { type: "listItem", content: [p(text("second"))] }] },
    {
      type: "table",
      content: [
        { type: "tableRow", content: [cell("tableHeader", "Metric"), cell("tableHeader", "Value")] },
        { type: "tableRow", content: [cell("tableCell", "p99 | p50"), cell("tableCell", "900 ms")] },
      ],
    },
    { type: "codeBlock", attrs: { language: "sql" }, content: [text("SELECT count(*) FROM pool;\n-- <none> returned")] },
    { type: "codeBlock", attrs: { language: "mermaid" }, content: [text("graph LR\n  Alert --> Triage --> Fix")] },
    { type: "blockquote", content: [p(text("It was DNS. It is always DNS."))] },
    { type: "image", attrs: { src: "/api/uploads/abc123def456", alt: "Pool size graph" } },
    h(2, "Action items"),
    { type: "liveBlock", attrs: { kind: "tasks", scope: "starred" } },
  ],
};

async function setup() {
  const ctx = await createTeamWith([]);
  const userId = ctx.owner.userId;
  const teamId = ctx.team.id;
  const source = await declareIncident(userId, { teamId, title: "Checkout outage" });
  await addEvent(userId, { teamId, incidentId: source.id, body: "Pool exhausted <none> left", starred: "on" });
  await createTask(userId, { teamId, incidentId: source.id, title: "Alert on pool size", type: "DETECTIVE" });
  await importPostmortem(userId, { teamId, incidentId: source.id, markdown: JSON.stringify({ title: "Checkout outage postmortem", document: RICH }) });
  const number = (await db().incident.findUniqueOrThrow({ where: { id: source.id } })).number;
  const reimport = async (markdown: string) => {
    const target = await declareIncident(userId, { teamId, title: "Re-import" });
    const { id } = await importPostmortem(userId, { teamId, incidentId: target.id, markdown });
    return db().postmortem.findUniqueOrThrow({ where: { id } });
  };
  const original = await db().postmortem.findFirstOrThrow({ where: { incidentId: source.id } });
  return { ...ctx, userId, number, original, reimport };
}

/** Node by node, so a difference names the node that changed. */
function expectSameDocument(actual: JSONContent, expected: JSONContent) {
  const a = actual.content ?? [];
  const e = expected.content ?? [];
  for (let i = 0; i < Math.max(a.length, e.length); i++) expect(a[i], `node ${i} (${e[i]?.type ?? "extra"})`).toEqual(e[i]);
}

describe("export → import round trips", () => {
  it("JSON export → import is lossless", async () => {
    const { userId, team, number, original, reimport } = await setup();
    expectSameDocument(original.content as JSONContent, normaliseDocument(RICH));
    const file = await exportPostmortem(userId, team.slug, number, "json");
    const copy = await reimport(file.body);
    expect(copy.title).toBe("Checkout outage postmortem");
    expectSameDocument(copy.content as JSONContent, original.content as JSONContent);
    expect(copy.contentHash).toBe(original.contentHash);
  });

  it("Markdown export → import keeps title, sections, text, internal passages, live blocks, tables, code and diagrams — also with CRLF", async () => {
    const { userId, team, number, original, reimport } = await setup();
    const file = await exportPostmortem(userId, team.slug, number, "md");
    // Readers of the file see the facts the live blocks showed.
    expect(file.body).toContain("Alert on pool size");
    expect(file.body).toContain("Pool exhausted");
    for (const body of [file.body, file.body.replace(/\n/g, "\r\n")]) {
      const copy = await reimport(body);
      expect(copy.title).toBe("Checkout outage postmortem");
      expectSameDocument(copy.content as JSONContent, cleanDocument(original.content as JSONContent));
      expect(copy.contentHash).toBe(original.contentHash);
    }
  });

  it("an import never makes an internal passage publishable, even with its closing mark lost", () => {
    const doc = markdownFileToDocument(`## Findings\n\nPublic, then {internal}the host was ${SECRET}\n\nand more private text\n\n## Next {internal}\n\nhidden section`);
    const published = plainText(redactDocument(doc));
    expect(published).toContain("Public, then");
    expect(published).not.toContain(SECRET);
    expect(published).not.toContain("more private text");
  });
});
