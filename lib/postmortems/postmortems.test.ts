import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { db } from "@/lib/db";
import { declareIncident } from "@/lib/incidents/mutations";
import { startPostmortem, renamePostmortem } from "@/lib/postmortems/mutations";
import { storeDocumentState } from "@/lib/postmortems/store";
import { saveNamedVersion } from "@/lib/postmortems/versions";
import { listSnapshots, getSnapshotMarkdown } from "@/lib/postmortems/queries";
import { loadPostmortemFacts } from "@/lib/postmortems/facts";
import { AUTO_SNAPSHOT_INTERVAL_MS } from "@/lib/postmortems/snapshots";
import { BUILT_IN_TEMPLATES } from "@/lib/postmortems/templates/builtin";
import { documentFromTemplate } from "@/lib/postmortems/templates/build";
import {
  cleanDocument,
  contentHash,
  documentFromUpdate,
  documentToMarkdown,
  encodeDocument,
  markdownToDocument,
  replaceDocumentContent,
  sectionsOf,
} from "@/lib/postmortems/document";
import { createTeamWith } from "@/lib/testing/factories";
import { rejection } from "@/lib/testing/errors";

async function setup(roles: ("MEMBER" | "VIEWER")[] = ["MEMBER", "VIEWER"]) {
  const ctx = await createTeamWith(roles);
  const incident = await declareIncident(ctx.owner.userId, { teamId: ctx.team.id, title: "Reports stopped" });
  return { ...ctx, incident, base: { teamId: ctx.team.id, incidentId: incident.id } };
}

function withText(update: Uint8Array, text: string): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  const json = documentFromUpdate(update);
  json.content = [...(json.content ?? []), { type: "paragraph", content: [{ type: "text", text }] }];
  replaceDocumentContent(doc, json);
  return Y.encodeStateAsUpdate(doc);
}

describe("the document model", () => {
  it("round-trips Markdown with sections, live blocks, tables and diagrams", () => {
    const source = [
      "## Summary",
      "",
      "::live{kind=summary}",
      "",
      "Reports stopped for **8 hours**; see [the dashboard](https://grafana.example/d/1).",
      "",
      "## Timeline",
      "",
      "::live{kind=timeline scope=all}",
      "",
      "| When | What |",
      "| --- | --- |",
      "| 08:03 | Alert |",
      "",
      "```mermaid",
      "graph LR; A-->B",
      "```",
      "",
      "- one",
      "- two",
      "",
    ].join("\n");
    const doc = markdownToDocument(source);
    expect(doc.content?.filter((n) => n.type === "liveBlock").map((n) => n.attrs)).toEqual([
      { kind: "summary", scope: "starred" },
      { kind: "timeline", scope: "all" },
    ]);
    const again = markdownToDocument(documentToMarkdown(doc));
    expect(contentHash(again)).toBe(contentHash(doc));
  });

  it("drops unsafe links and images and comment marks from what is hashed and exported", () => {
    const doc = markdownToDocument("[x](javascript:alert(1)) [ok](https://ok.example)\n\n![a](data:image/png;base64,AAAA)\n\n![b](/api/uploads/abc123def456)\n");
    const markdown = documentToMarkdown(doc);
    expect(markdown).not.toContain("javascript:");
    expect(markdown).not.toContain("data:image");
    expect(markdown).toContain("https://ok.example");
    expect(markdown).toContain("/api/uploads/abc123def456");
    const commented = structuredClone(doc);
    const text = commented.content?.[0]?.content?.[0];
    if (text) text.marks = [...(text.marks ?? []), { type: "comment", attrs: { threadId: "t1" } }];
    expect(contentHash(commented)).toBe(contentHash(doc));
    expect(JSON.stringify(cleanDocument(commented))).not.toContain("comment");
  });

  it("builds both built-in templates into documents whose required sections start empty", () => {
    for (const template of BUILT_IN_TEMPLATES) {
      const doc = documentFromTemplate(template.sections);
      const sections = sectionsOf(doc);
      expect(sections.map((s) => s.heading)).toEqual(template.sections.map((s) => s.heading));
      // A live block counts as content; every other section is empty.
      expect(sections.filter((s) => s.empty).length).toBe(template.sections.filter((s) => !s.block).length);
      expect(sections.filter((s) => s.required).length).toBe(template.sections.filter((s) => s.required).length);
    }
    const doc = documentFromTemplate(BUILT_IN_TEMPLATES[0]!.sections);
    expect(doc.content?.[0]?.attrs).toMatchObject({ level: 2, required: true, help: expect.stringContaining("what broke") });
  });
});

describe("starting a postmortem", () => {
  it("starts one per incident from a template, on the timeline and in the audit log", async () => {
    const { owner, base, team } = await setup();
    const started = await startPostmortem(owner.userId, { ...base, templateId: "builtin:google-sre", title: "Reports stopped" });
    const row = await db().postmortem.findUniqueOrThrow({ where: { id: started.id } });
    expect(row).toMatchObject({ status: "DRAFT", templateName: "Google SRE", contentVersion: 1, teamId: team.id });
    expect(row.markdown).toContain("## Root causes");
    expect(documentFromUpdate(new Uint8Array(row.ydoc))).toEqual(row.content);
    expect(await db().timelineEvent.count({ where: { incidentId: base.incidentId, body: { contains: "Postmortem started" } } })).toBe(1);
    expect(await db().auditEvent.count({ where: { targetId: started.id, action: "postmortem.started" } })).toBe(1);
    const again = await rejection(startPostmortem(owner.userId, { ...base, templateId: "builtin:standard", title: "Twice" }));
    expect(again.code).toBe("CONFLICT");
  });

  it("two starts at the same instant create one postmortem", async () => {
    const { owner, members, base } = await setup();
    const results = await Promise.allSettled([
      startPostmortem(owner.userId, { ...base, templateId: "builtin:standard", title: "A" }),
      startPostmortem(members.MEMBER!.userId, { ...base, templateId: "builtin:standard", title: "B" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().postmortem.count({ where: { incidentId: base.incidentId } })).toBe(1);
  });

  it("refuses viewers, outsiders, unknown templates and another team's incident", async () => {
    const { owner, members, base } = await setup();
    const other = await setup();
    expect((await rejection(startPostmortem(members.VIEWER!.userId, { ...base, templateId: "builtin:standard", title: "x" }))).code).toBe("FORBIDDEN");
    expect((await rejection(startPostmortem(other.owner.userId, { ...base, templateId: "builtin:standard", title: "x" }))).code).toBe("NOT_FOUND");
    expect((await rejection(startPostmortem(owner.userId, { ...base, incidentId: other.incident.id, templateId: "builtin:standard", title: "x" }))).code).toBe("NOT_FOUND");
    const bad = await rejection(startPostmortem(owner.userId, { ...base, templateId: "nope", title: "" }));
    expect(bad.fields).toMatchObject({ title: [expect.any(String)] });
    expect((await rejection(startPostmortem(owner.userId, { ...base, templateId: "nope", title: "x" }))).fields).toMatchObject({ templateId: [expect.any(String)] });
  });

  it("renames within the team only", async () => {
    const { owner, base, team } = await setup();
    const other = await setup();
    const { id } = await startPostmortem(owner.userId, { ...base, templateId: "builtin:standard", title: "Old" });
    await renamePostmortem(owner.userId, { teamId: team.id, postmortemId: id, title: "New title" });
    expect((await db().postmortem.findUniqueOrThrow({ where: { id } })).title).toBe("New title");
    expect((await rejection(renamePostmortem(other.owner.userId, { teamId: other.team.id, postmortemId: id, title: "Hijack" }))).code).toBe("NOT_FOUND");
  });
});

describe("storing the live document and versions", () => {
  it("bumps the content version only when the content changes, keeps a version every ten minutes of writing, and names the last editor", async () => {
    const { owner, members, base, team } = await setup();
    const { id } = await startPostmortem(owner.userId, { ...base, templateId: "builtin:standard", title: "T" });
    const initial = new Uint8Array((await db().postmortem.findUniqueOrThrow({ where: { id } })).ydoc);
    const t0 = new Date("2030-01-01T10:00:00Z");
    const first = withText(initial, "First words.");
    expect(await storeDocumentState(id, first, [members.MEMBER!.userId], t0)).toMatchObject({ changed: true, contentVersion: 2 });
    expect(await storeDocumentState(id, first, [owner.userId], t0)).toMatchObject({ changed: false, contentVersion: 2 });
    const second = withText(first, "More.");
    await storeDocumentState(id, second, [owner.userId], new Date(t0.getTime() + 60_000));
    const third = withText(second, "Ten minutes later.");
    await storeDocumentState(id, third, [owner.userId], new Date(t0.getTime() + AUTO_SNAPSHOT_INTERVAL_MS + 1000));
    const row = await db().postmortem.findUniqueOrThrow({ where: { id } });
    expect(row.contentVersion).toBe(4);
    expect(row.lastEditedById).toBe(owner.userId);
    expect(row.markdown).toContain("Ten minutes later.");
    const actor = { userId: owner.userId, teamId: team.id, role: "OWNER" as const };
    const versions = await listSnapshots(actor, team.id, id);
    expect(versions.items.map((v) => [v.kind, v.contentVersion])).toEqual([
      ["AUTO", 4],
      ["AUTO", 2],
      ["AUTO", 1],
    ]);
    expect(versions.items.at(-1)?.name).toBe("Started from the “Hindsight standard” template");
  });

  it("saves a named version of the stored text; another team cannot read it", async () => {
    const { owner, members, base, team } = await setup();
    const other = await setup();
    const { id } = await startPostmortem(owner.userId, { ...base, templateId: "builtin:standard", title: "T" });
    const saved = await saveNamedVersion(members.MEMBER!.userId, { teamId: team.id, postmortemId: id, name: "Sent to review" });
    expect((await rejection(saveNamedVersion(members.VIEWER!.userId, { teamId: team.id, postmortemId: id, name: "x" }))).code).toBe("FORBIDDEN");
    expect((await rejection(saveNamedVersion(owner.userId, { teamId: team.id, postmortemId: id, name: "  " }))).fields).toMatchObject({ name: [expect.any(String)] });
    const theirs = { userId: other.owner.userId, teamId: other.team.id, role: "OWNER" as const };
    expect(await getSnapshotMarkdown(theirs, other.team.id, id, saved.id)).toBeNull();
    const ours = { userId: owner.userId, teamId: team.id, role: "OWNER" as const };
    expect((await getSnapshotMarkdown(ours, team.id, id, saved.id))?.name).toBe("Sent to review");
  });

  it("restoring rewrites the live document to the old text as a change, keeping what was there", () => {
    const start = encodeDocument(markdownToDocument("## A\n\nold text\n"));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, start);
    const edited = withText(start, "new text");
    Y.applyUpdate(doc, edited);
    expect(documentToMarkdown(documentFromUpdate(Y.encodeStateAsUpdate(doc)))).toContain("new text");
    replaceDocumentContent(doc, markdownToDocument("## A\n\nold text\n"));
    const restored = documentToMarkdown(documentFromUpdate(Y.encodeStateAsUpdate(doc)));
    expect(restored).toBe("## A\n\nold text\n");
  });
});

describe("facts for live blocks", () => {
  it("reads the incident's facts for its own team only", async () => {
    const { owner, base, team } = await setup();
    const other = await setup();
    const facts = await loadPostmortemFacts({ userId: owner.userId, teamId: team.id, role: "OWNER" }, team.id, base.incidentId);
    expect(facts?.incident.title).toBe("Reports stopped");
    expect(facts?.events.length).toBeGreaterThan(0);
    const theirs = { userId: other.owner.userId, teamId: other.team.id, role: "OWNER" as const };
    expect(await loadPostmortemFacts(theirs, other.team.id, base.incidentId)).toBeNull();
    expect(() => loadPostmortemFacts(theirs, team.id, base.incidentId)).rejects.toThrow();
  });
});

describe("content hash", () => {
  it("ignores attribute order, which Yjs does not keep", () => {
    const a = { type: "doc", content: [{ type: "heading", attrs: { level: 2, help: "h", required: true, internal: false }, content: [{ type: "text", text: "S" }] }] };
    const b = { type: "doc", content: [{ type: "heading", attrs: { internal: false, required: true, help: "h", level: 2 }, content: [{ type: "text", text: "S" }] }] };
    expect(contentHash(a)).toBe(contentHash(b));
    expect(contentHash(a)).not.toBe(contentHash({ ...b, content: [{ ...b.content[0]!, content: [{ type: "text", text: "T" }] }] }));
    // The editor's trailing empty paragraph is not a change.
    expect(contentHash({ ...a, content: [...a.content, { type: "paragraph" }] })).toBe(contentHash(a));
  });
});
