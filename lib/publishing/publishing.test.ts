import http from "node:http";
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import type { JSONContent } from "@tiptap/core";
import { db } from "@/lib/db";
import { declareIncident } from "@/lib/incidents/mutations";
import { addEvent, setEventInternal } from "@/lib/timeline/mutations";
import { createTask, setTaskInternal } from "@/lib/tasks/mutations";
import { importPostmortem, startPostmortem } from "@/lib/postmortems/mutations";
import { storeDocumentState } from "@/lib/postmortems/store";
import { documentFromUpdate, markdownToDocument, replaceDocumentContent, sectionsOf } from "@/lib/postmortems/document";
import { loadPostmortemFacts } from "@/lib/postmortems/facts";
import { exportMarkdown } from "@/lib/postmortems/export";
import { exportPostmortem } from "@/lib/postmortems/export-file";
import { approve, requestReview } from "@/lib/reviews/mutations";
import { publish, revoke, updatePublishingSettings, withdrawEdition } from "@/lib/publishing/mutations";
import { previewImage } from "@/lib/publishing/public-assets";
import { lookupPublication, publicationVersion, teamIndex } from "@/lib/publishing/public-queries";
import { publicPostmortemResponse } from "@/lib/publishing/public-response";
import { serveFromPublicPageCache } from "@/lib/publishing/front-cache";
import { teamFeed } from "@/lib/publishing/team-index-response";
import { getPublishingView } from "@/lib/publishing/queries";
import { saveDiagram } from "@/lib/postmortems/diagrams";
import { LOCAL_TIMES_SCRIPT, LOCAL_TIMES_SCRIPT_HASH } from "@/lib/publishing/html/local-times";
import { findLeaks, hostPatternToRegExp } from "@/lib/publishing/leaks";
import { customSlugSchema, randomSlug } from "@/lib/publishing/slug";
import { redactDocument } from "@/lib/publishing/redact";
import { createTeamWith } from "@/lib/testing/factories";
import { rejection } from "@/lib/testing/errors";

const SECRET_PASSAGE = "the root password is hunter2-internal";
const SECRET_SECTION = "Customer escalations handled by Legal";
const SECRET_EVENT = "Paged the on-call DBA at her home number";
const SECRET_TASK = "Rotate the leaked staging credentials";

const DOCUMENT = `## Summary

::live{kind=summary}

Reports stopped for a day. Public sentence. INTERNAL_MARK

## Timeline

::live{kind=timeline scope=all}

## Root cause

An unindexed query. <script>alert("x")</script> [bad](javascript:alert(1)) [good](https://example.com/dash)

### Legal notes

${SECRET_SECTION}

## Resolution and recovery

Added the index.

## Corrective and preventive measures

::live{kind=tasks}
`;

/** The document with one passage marked internal and the "Legal notes" heading marked internal. */
function documentWithInternals(source = DOCUMENT): JSONContent {
  const doc = markdownToDocument(source);
  for (const node of doc.content ?? []) {
    if (node.type === "heading" && node.content?.[0]?.text === "Legal notes") node.attrs = { ...node.attrs, internal: true };
    for (const child of node.content ?? []) {
      if (child.type === "text" && child.text?.includes("INTERNAL_MARK")) {
        child.text = child.text.replace("INTERNAL_MARK", "");
        node.content?.push({ type: "text", text: SECRET_PASSAGE, marks: [{ type: "internal" }] });
      }
    }
  }
  return doc;
}

async function rewrite(postmortemId: string, userId: string, content: JSONContent) {
  const row = await db().postmortem.findUniqueOrThrow({ where: { id: postmortemId } });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(row.ydoc));
  replaceDocumentContent(doc, content);
  await storeDocumentState(postmortemId, Y.encodeStateAsUpdate(doc), [userId]);
}

async function setup() {
  const ctx = await createTeamWith(["MEMBER", "VIEWER"]);
  const incident = await declareIncident(ctx.owner.userId, { teamId: ctx.team.id, title: "Reports stopped", severity: "SEV3" });
  const base = { teamId: ctx.team.id, incidentId: incident.id };
  const { id } = await startPostmortem(ctx.owner.userId, { ...base, templateId: "builtin:standard", title: "Reports stopped" });
  const row = await db().postmortem.findUniqueOrThrow({ where: { id } });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(row.ydoc));
  replaceDocumentContent(doc, documentWithInternals());
  await storeDocumentState(id, Y.encodeStateAsUpdate(doc), [ctx.owner.userId]);
  const event = await addEvent(ctx.owner.userId, { ...base, kind: "ACTION", body: SECRET_EVENT });
  await setEventInternal(ctx.owner.userId, { teamId: ctx.team.id, eventId: event.id, internal: "true" });
  await addEvent(ctx.owner.userId, { ...base, kind: "MITIGATION", body: "Created the index concurrently." });
  const task = await createTask(ctx.owner.userId, { ...base, title: SECRET_TASK, type: "CORRECTIVE" });
  await setTaskInternal(ctx.owner.userId, { teamId: ctx.team.id, taskId: task.id, internal: "true" });
  await createTask(ctx.owner.userId, { ...base, title: "Alert on slow reports", type: "DETECTIVE" });
  return { ...ctx, id, incidentId: incident.id };
}

async function approved(ctx: Awaited<ReturnType<typeof setup>>) {
  const pm = { teamId: ctx.team.id, postmortemId: ctx.id };
  await requestReview(ctx.owner.userId, { ...pm, reviewerIds: [ctx.members.MEMBER!.userId] });
  const version = (await db().postmortem.findUniqueOrThrow({ where: { id: ctx.id } })).contentVersion;
  await approve(ctx.members.MEMBER!.userId, { ...pm, contentVersion: version });
  return { ...pm, contentVersion: version };
}

const publishInput = (pm: { teamId: string; postmortemId: string; contentVersion: number }, extra: Record<string, unknown> = {}) => ({
  ...pm,
  title: "When reports stopped",
  subtitle: "A missing index",
  confirmed: "on",
  noindex: "on",
  ...extra,
});

async function body(response: Response) {
  return { status: response.status, text: await response.text(), headers: response.headers };
}

describe("redaction", () => {
  it("leaves internal passages, sections, events, tasks and people out of everything public", async () => {
    const ctx = await setup();
    const pm = await approved(ctx);
    const { slug } = await publish(ctx.owner.userId, publishInput(pm, { listed: "on" }));
    await db().team.update({ where: { id: ctx.team.id }, data: { publicIndex: true } });
    const page = await body(await publicPostmortemResponse({ slug }, null, "https://hindsight.example", `/p/${slug}`));
    const feed = await body(await teamFeed(ctx.team.slug, "https://hindsight.example"));
    const edition = await db().publicEdition.findFirstOrThrow({ where: { postmortemId: ctx.id } });
    const stored = JSON.stringify(edition.body);
    for (const leaked of [SECRET_PASSAGE, SECRET_SECTION, "Legal notes", SECRET_EVENT, SECRET_TASK]) {
      expect(page.text, leaked).not.toContain(leaked);
      expect(stored, leaked).not.toContain(leaked);
      expect(feed.text, leaked).not.toContain(leaked);
    }
    // The sign-off record is kept with the edition, but people's names are not shown publicly.
    expect(edition.body).toMatchObject({ signOff: [{ name: "MEMBER user" }] });
    for (const name of ["Owner", "MEMBER user"]) {
      expect(page.text, name).not.toContain(name);
      expect(feed.text, name).not.toContain(name);
    }
    expect(page.status).toBe(200);
    expect(page.text).toContain("When reports stopped");
    expect(page.text).toContain("Created the index concurrently.");
    expect(page.text).toContain("Alert on slow reports");
    expect(page.text).toContain("Public sentence.");
    // No user script, no unsafe link; tags in the text are shown as text.
    expect(page.text).not.toContain("<script>alert");
    expect(page.text).toContain("&lt;script&gt;");
    expect(page.text).not.toContain("javascript:");
    expect(page.text).toContain('href="https://example.com/dash"');
    // One script (run twice: after the summary card and at the end), allowed by its hash; an injected inline script would not match it.
    expect([...page.text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1])).toEqual([LOCAL_TIMES_SCRIPT, LOCAL_TIMES_SCRIPT]);
    expect(page.headers.get("content-security-policy")).toContain(`script-src ${LOCAL_TIMES_SCRIPT_HASH};`);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(page.headers.get("x-robots-tag")).toContain("noindex");
    expect(page.text).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(page.text).toContain('<link rel="canonical" href="https://hindsight.example/p/');
    expect(feed.text).toContain("When reports stopped");
  });

  it("removes an internal section up to the next heading of the same or a higher level", () => {
    const doc = redactDocument(documentWithInternals());
    expect(sectionsOf(doc).map((s) => s.heading)).toEqual(["Summary", "Timeline", "Root cause", "Resolution and recovery", "Corrective and preventive measures"]);
    expect(JSON.stringify(doc)).not.toContain(SECRET_SECTION);
  });

  it("the redaction check flags addresses, hosts, names and keys", () => {
    const text = "Mail ops@acme.test from 10.0.3.17 on db-7.corp.acme.net, asked Grace Hopper; key AKIAABCDEFGHIJKLMNOP and ghp_abcdefghijklmnopqrstuvwxyz0123456789.";
    const leaks = findLeaks(text, { people: [{ id: "g", name: "Grace Hopper", email: "grace@navy.test" }], hostPatterns: ["*.corp.acme.net"] });
    expect(leaks.map((l) => l.kind).sort()).toEqual(["email", "hostname", "ip", "person", "secret", "secret"]);
    expect(findLeaks("All clear.", { people: [{ id: "a", name: "Al", email: "al@x.test" }], hostPatterns: [] })).toEqual([]);
    expect(hostPatternToRegExp("bad pattern(")).toBeNull();
  });

  it("the publish page lists what is left out and what looks like a leak", async () => {
    const ctx = await setup();
    const view = await getPublishingView({ userId: ctx.owner.userId, teamId: ctx.team.id, role: "OWNER" }, ctx.team.id, ctx.id);
    expect(view.omitted).toEqual({ sections: 0, passages: 1, events: 1, tasks: 1 });
    expect(view.body.markdown).not.toContain(SECRET_PASSAGE);
  });
});

describe("publishing rules", () => {
  it("only an approved, current version is published, by members of the team", async () => {
    const ctx = await setup();
    const draft = { teamId: ctx.team.id, postmortemId: ctx.id, contentVersion: 2 };
    expect((await rejection(publish(ctx.owner.userId, publishInput(draft)))).message).toMatch(/Only an approved postmortem/);
    const pm = await approved(ctx);
    expect((await rejection(publish(ctx.owner.userId, publishInput({ ...pm, contentVersion: pm.contentVersion - 1 })))).code).toBe("CONFLICT");
    expect((await rejection(publish(ctx.members.VIEWER!.userId, publishInput(pm)))).code).toBe("FORBIDDEN");
    expect((await rejection(publish(ctx.owner.userId, publishInput(pm, { confirmed: undefined })))).fields?.confirmed).toBeDefined();
    const other = await createTeamWith();
    expect((await rejection(publish(other.owner.userId, publishInput({ ...pm, teamId: other.team.id })))).code).toBe("NOT_FOUND");
    const { slug, edition } = await publish(ctx.owner.userId, publishInput(pm));
    expect(edition).toBe(1);
    expect(slug).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect((await db().postmortem.findUniqueOrThrow({ where: { id: ctx.id } })).status).toBe("PUBLISHED");
  });

  it("revoking answers gone; publishing again is a second edition and restores the link; old editions still answer", async () => {
    const ctx = await setup();
    const pm = await approved(ctx);
    const { slug } = await publish(ctx.owner.userId, publishInput(pm));
    await revoke(ctx.owner.userId, { teamId: ctx.team.id, postmortemId: ctx.id });
    expect((await lookupPublication({ slug }, null)).kind).toBe("gone");
    expect((await body(await publicPostmortemResponse({ slug }, null, "https://x.test", `/p/${slug}`))).status).toBe(410);
    await publish(ctx.owner.userId, publishInput(pm, { note: "Corrected the timeline." }));
    const latest = await lookupPublication({ slug }, null);
    expect(latest.kind === "edition" && latest.editions.map((e) => e.number)).toEqual([2, 1]);
    const first = await lookupPublication({ slug }, 1);
    expect(first.kind === "edition" && first.edition.number).toBe(1);
    const html = (await body(await publicPostmortemResponse({ slug }, "1", "https://x.test", `/p/${slug}`))).text;
    expect(html).toContain("This is edition 1.");
    expect(html).toContain("Corrected the timeline.");
  });

  it("the web server answers the next visit from the route's cache entry, byte for byte, until a revoke takes it down", async () => {
    const ctx = await setup();
    const pm = await approved(ctx);
    const { slug } = await publish(ctx.owner.userId, publishInput(pm));
    let routed = 0;
    const server = http.createServer((request, response) => {
      if (serveFromPublicPageCache(request, response, true)) return;
      routed++;
      void publicPostmortemResponse({ slug }, null, "https://x.test", `/p/${slug}`).then(async (answer) => {
        response.writeHead(answer.status, Object.fromEntries(answer.headers)).end(await answer.text());
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const visit = async () => {
      const answer = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/p/${slug}`);
      const headers = Object.fromEntries(["content-type", "content-security-policy", "cache-control", "etag", "x-robots-tag"].map((h) => [h, answer.headers.get(h)]));
      return { status: answer.status, text: await answer.text(), headers };
    };
    try {
      const first = await visit();
      const second = await visit();
      expect(routed).toBe(1);
      expect(second).toEqual(first);
      expect(first.text).toContain("When reports stopped");
      await revoke(ctx.owner.userId, { teamId: ctx.team.id, postmortemId: ctx.id });
      expect((await visit()).status).toBe(410);
      expect(routed).toBe(2);
    } finally {
      server.close();
    }
  });

  it("a cached page is rechecked after a few seconds: a team renamed elsewhere shows its new name", async () => {
    const ctx = await setup();
    const pm = await approved(ctx);
    const { slug } = await publish(ctx.owner.userId, publishInput(pm));
    const render = async () => (await body(await publicPostmortemResponse({ slug }, null, "https://x.test", `/p/${slug}`))).text;
    expect(await render()).toContain("Test Team");
    // Another process renames the team: nothing here cleared the cache.
    await db().team.update({ where: { id: ctx.team.id }, data: { name: "Renamed Reliability" } });
    expect(await render()).toContain("Test Team");
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 6_000 });
    try {
      expect(await render()).toContain("Renamed Reliability");
    } finally {
      vi.useRealTimers();
    }
  });

  it("nothing unpublished answers at any public address", async () => {
    const ctx = await setup();
    const pm = await approved(ctx);
    const ids = [ctx.id, ctx.incidentId, ctx.team.id, ctx.team.slug, randomSlug(), "", "%00", "../etc/passwd"];
    for (const id of ids) expect((await lookupPublication({ slug: id }, null)).kind).toBe("missing");
    const { slug } = await publish(ctx.owner.userId, publishInput(pm, { customSlug: "reports-outage" }));
    expect((await lookupPublication({ teamSlug: ctx.team.slug, customSlug: "reports-outage" }, null)).kind).toBe("edition");
    const other = await createTeamWith();
    expect((await lookupPublication({ teamSlug: other.team.slug, customSlug: "reports-outage" }, null)).kind).toBe("missing");
    expect((await lookupPublication({ slug }, 99)).kind).toBe("missing");
    const publication = await db().publication.findUniqueOrThrow({ where: { slug } });
    expect((await lookupPublication({ slug: publication.id }, null)).kind).toBe("missing");
    // The team index is opt-in, and lists only listed publications.
    expect(await teamIndex(ctx.team.slug)).toBeNull();
  });

  it("chosen addresses are validated and unique per team", async () => {
    expect(customSlugSchema.safeParse("Reports Outage").success).toBe(false);
    expect(customSlugSchema.safeParse("images").success).toBe(false);
    expect(customSlugSchema.parse("reports-outage-2025")).toBe("reports-outage-2025");
    const ctx = await setup();
    const pm = await approved(ctx);
    await publish(ctx.owner.userId, publishInput(pm, { customSlug: "the-outage" }));
    const incident = await declareIncident(ctx.owner.userId, { teamId: ctx.team.id, title: "Another", severity: "SEV3" });
    const second = await importPostmortem(ctx.owner.userId, { teamId: ctx.team.id, incidentId: incident.id, markdown: DOCUMENT.replace(/INTERNAL_MARK/, "") });
    await requestReview(ctx.owner.userId, { teamId: ctx.team.id, postmortemId: second.id, reviewerIds: [ctx.members.MEMBER!.userId] });
    const v = (await db().postmortem.findUniqueOrThrow({ where: { id: second.id } })).contentVersion;
    await approve(ctx.members.MEMBER!.userId, { teamId: ctx.team.id, postmortemId: second.id, contentVersion: v });
    const clash = await rejection(publish(ctx.owner.userId, publishInput({ teamId: ctx.team.id, postmortemId: second.id, contentVersion: v }, { customSlug: "the-outage" })));
    expect(clash.fields?.customSlug).toBeDefined();
    const slugs = new Set(Array.from({ length: 1000 }, randomSlug));
    expect(slugs.size).toBe(1000);
  });
});

describe("diagrams", () => {
  const PUBLIC_DIAGRAM = "graph LR\n  A[Alert fired] --> B[Index added]";
  const SECRET_DIAGRAM = "graph LR\n  S[db-legal-7.corp] --> T[Counsel]";
  const svgOf = (words: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 20"><style>text{fill:#333}</style><text x="0" y="15">${words}</text></svg>`;

  it("a published page shows the drawn picture of a public diagram, nothing of an internal one, and checks its words for leaks", async () => {
    const ctx = await setup();
    const withDiagrams = DOCUMENT.replace("Added the index.", `Added the index.\n\n\`\`\`mermaid\n${PUBLIC_DIAGRAM}\n\`\`\``).replace(SECRET_SECTION, `${SECRET_SECTION}\n\n\`\`\`mermaid\n${SECRET_DIAGRAM}\n\`\`\``);
    await rewrite(ctx.id, ctx.owner.userId, documentWithInternals(withDiagrams));
    const { number } = await db().incident.findUniqueOrThrow({ where: { id: ctx.incidentId }, select: { number: true } });
    const actor = { userId: ctx.owner.userId, teamId: ctx.team.id, role: "OWNER" as const };
    expect((await getPublishingView(actor, ctx.team.id, ctx.id)).undrawnDiagrams).toBe(1);

    await saveDiagram(ctx.members.MEMBER!.userId, ctx.team.slug, number, { source: PUBLIC_DIAGRAM, svg: svgOf("Alert fired, ops@corp.example paged") });
    await saveDiagram(ctx.owner.userId, ctx.team.slug, number, { source: SECRET_DIAGRAM, svg: svgOf("db-legal-7.corp") });
    const view = await getPublishingView(actor, ctx.team.id, ctx.id);
    expect(view.undrawnDiagrams).toBe(0);
    expect(view.leaks.map((l) => l.match)).toContain("ops@corp.example");
    expect(Object.keys(view.body.diagrams ?? {})).toHaveLength(1);

    const pm = await approved(ctx);
    const { slug } = await publish(ctx.owner.userId, publishInput(pm));
    const page = (await body(await publicPostmortemResponse({ slug }, null, "https://x.test", `/p/${slug}`))).text;
    expect(page).toContain(`<img src="data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgOf("Alert fired, ops@corp.example paged")).replace(/'/g, "&#39;")}"`);
    expect(page).toContain('width="100" height="20" alt="Diagram (its Mermaid source is below)"');
    expect(page).toContain("<details><summary>Diagram source</summary><pre><code>graph LR");
    for (const form of ["db-legal-7", encodeURIComponent("db-legal-7"), "Counsel"]) expect(page).not.toContain(form);
    const edition = await db().publicEdition.findFirstOrThrow({ where: { postmortemId: ctx.id } });
    expect(JSON.stringify(edition.body)).not.toContain("db-legal-7");
  });

  it("only editors of the team keep pictures, only plain SVG is kept, and a postmortem keeps its 50 newest", async () => {
    const ctx = await setup();
    const { number } = await db().incident.findUniqueOrThrow({ where: { id: ctx.incidentId }, select: { number: true } });
    const save = (userId: string, input: unknown, team = ctx.team.slug) => saveDiagram(userId, team, number, input);
    expect((await rejection(save(ctx.members.VIEWER!.userId, { source: PUBLIC_DIAGRAM, svg: svgOf("x") }))).code).toBe("FORBIDDEN");
    const outsider = await createTeamWith();
    expect((await rejection(save(outsider.owner.userId, { source: PUBLIC_DIAGRAM, svg: svgOf("x") }))).code).toBe("NOT_FOUND");
    expect((await rejection(save(outsider.owner.userId, { source: PUBLIC_DIAGRAM, svg: svgOf("x") }, outsider.team.slug))).code).toBe("NOT_FOUND");
    for (const svg of ["<svg><script>alert(1)</script></svg>", '<svg><a href="javascript:alert(1)">x</a></svg>', "<html><body>x</body></html>", `<svg>${"x".repeat(600_000)}</svg>`]) {
      expect((await rejection(save(ctx.owner.userId, { source: PUBLIC_DIAGRAM, svg }))).code).toBe("VALIDATION");
    }
    await save(ctx.owner.userId, { source: `${PUBLIC_DIAGRAM}\n\n`, svg: svgOf("first") });
    await save(ctx.owner.userId, { source: PUBLIC_DIAGRAM, svg: svgOf("second") });
    const rows = await db().diagramImage.findMany({ where: { postmortemId: ctx.id } });
    expect(rows.map((r) => r.svg)).toEqual([svgOf("second")]);
    for (let i = 0; i < 55; i++) await save(ctx.owner.userId, { source: `graph LR\n  N${i} --> M`, svg: svgOf(String(i)) });
    expect(await db().diagramImage.count({ where: { postmortemId: ctx.id } })).toBe(50);
    expect(await db().diagramImage.count({ where: { postmortemId: ctx.id, svg: svgOf("54") } })).toBe(1);
  });
});

describe("Markdown export and import", () => {
  it("importing the exported Markdown as a new postmortem reproduces the sections", async () => {
    const ctx = await setup();
    const row = await db().postmortem.findUniqueOrThrow({ where: { id: ctx.id } });
    const facts = await loadPostmortemFacts({ userId: ctx.owner.userId, teamId: ctx.team.id, role: "OWNER" }, ctx.team.id, ctx.incidentId);
    const exported = exportMarkdown(row.title, row.content as JSONContent, facts!);
    expect(exported).toContain("# Reports stopped");
    expect(exported).toContain(SECRET_EVENT); // internal export keeps everything
    // Live blocks are written out for readers and closed, so an import brings back the live block.
    expect(exported).toContain("::/live");
    const incident = await declareIncident(ctx.owner.userId, { teamId: ctx.team.id, title: "Reimport" });
    const imported = await importPostmortem(ctx.owner.userId, { teamId: ctx.team.id, incidentId: incident.id, markdown: exported });
    const copy = await db().postmortem.findUniqueOrThrow({ where: { id: imported.id } });
    expect(copy.title).toBe("Reports stopped");
    const headings = (doc: JSONContent) => sectionsOf(doc).map((s) => s.heading);
    expect(headings(documentFromUpdate(new Uint8Array(copy.ydoc)))).toEqual(headings(documentFromUpdate(new Uint8Array(row.ydoc))));
    expect((await rejection(importPostmortem(ctx.owner.userId, { teamId: ctx.team.id, incidentId: incident.id, markdown: "x" }))).code).toBe("CONFLICT");
  });
});

describe("exports", () => {
  it("leave empty sections out, as the public page does, and keep the summary written out", async () => {
    const ctx = await setup();
    await rewrite(ctx.id, ctx.owner.userId, markdownToDocument(`## Summary\n\n::live{kind=summary}\n\n## Root cause\n\nAn unindexed query.\n\n## What went well\n\n## Where we got lucky\n\n\n\n## Lessons learned\n\n### Nothing yet\n\n## Timeline\n\n::live{kind=timeline scope=starred}\n`));
    const { number } = await db().incident.findUniqueOrThrow({ where: { id: ctx.incidentId }, select: { number: true } });
    const md = (await exportPostmortem(ctx.owner.userId, ctx.team.slug, number, "md")).body;
    const json = JSON.parse((await exportPostmortem(ctx.owner.userId, ctx.team.slug, number, "json")).body) as { document: JSONContent; markdown: string };
    expect(md).toContain("## Summary\n\n::live{kind=summary}");
    expect(md).toContain("- **Severity:** SEV3");
    expect(md).toContain("## Root cause");
    expect(sectionsOf(json.document).map((s) => s.heading)).toEqual(["Summary", "Root cause"]);
    for (const text of [md, json.markdown]) {
      for (const empty of ["What went well", "Where we got lucky", "Lessons learned", "Nothing yet", "Timeline"]) expect(text, empty).not.toContain(empty);
    }
  });
});

describe("people renamed in the public edition", () => {
  // Names in every position: a paragraph, a heading, a table, a link's text, an image's alt text,
  // a diagram's picture, the incident's summary, a timeline event, a task, the public title.
  const CORPUS = `## Summary

::live{kind=summary}

Dana Whitfield noticed it first; dana's dashboard showed it. Meiosis is not a person.

## Whitfield's rollback

| Who | What |
| --- | --- |
| MEI | Restarted the workers |

Asked [@dwhitfield on chat](https://example.com/chat) and mailed dana.whitfield@acme.test.

![Graph drawn by DW](https://example.com/graph.png)

## Timeline

::live{kind=timeline scope=all}

\`\`\`mermaid
graph LR
  A[Alert] --> B[Mei paged]
\`\`\`

## Corrective and preventive measures

::live{kind=tasks}
`;

  async function corpusSetup() {
    const ctx = await setup();
    await db().user.update({ where: { id: ctx.owner.userId }, data: { name: "Dana Whitfield", email: `dana.whitfield@acme.test` } });
    await db().user.update({ where: { id: ctx.members.MEMBER!.userId }, data: { name: "Mei Chen", email: `mchen-${ctx.team.slug}@acme.test` } });
    await rewrite(ctx.id, ctx.owner.userId, markdownToDocument(CORPUS));
    const base = { teamId: ctx.team.id, incidentId: ctx.incidentId };
    await addEvent(ctx.owner.userId, { ...base, kind: "ACTION", body: "Mei Chen's failover finished" });
    await createTask(ctx.owner.userId, { ...base, title: "Whitfield to add an alert", type: "DETECTIVE" });
    await db().incident.update({ where: { id: ctx.incidentId }, data: { summary: "Reports stopped until Dana rolled back.", commanderId: ctx.owner.userId } });
    const { number } = await db().incident.findUniqueOrThrow({ where: { id: ctx.incidentId }, select: { number: true } });
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 20"><text x="0" y="15">Mei paged</text></svg>`;
    await saveDiagram(ctx.owner.userId, ctx.team.slug, number, { source: "graph LR\n  A[Alert] --> B[Mei paged]", svg });
    return ctx;
  }

  const NAMES = /Dana|Whitfield|\bMei\b|@dwhitfield|dana\.whitfield|\bDW\b|mchen/i;

  it("flags every form, shows each replacement before publishing, and replaces them all on the page, feed, preview image text and stored edition", async () => {
    const ctx = await corpusSetup();
    const actor = { userId: ctx.owner.userId, teamId: ctx.team.id, role: "OWNER" as const };
    const view = await getPublishingView(actor, ctx.team.id, ctx.id);
    const matches = view.mentions.map((m) => m.match);
    for (const form of ["Dana Whitfield", "dana", "Whitfield", "MEI", "@dwhitfield", "dana.whitfield@acme.test", "DW", "Mei", "Mei Chen", "Dana"]) expect(matches, form).toContain(form);
    expect(matches.join(" ")).not.toMatch(/meiosis/i);
    expect(view.mentioned).toEqual(
      expect.arrayContaining([
        { id: ctx.owner.userId, name: "Dana Whitfield", role: "the incident commander" },
        { id: ctx.members.MEMBER!.userId, name: "Mei Chen", role: "an engineer" },
      ]),
    );
    // What the check now finds is what would still be public: no person left.
    expect(view.leaks.filter((l) => l.kind === "person")).toEqual([]);

    const pm = await approved(ctx);
    const { slug } = await publish(ctx.owner.userId, publishInput(pm, { title: "Dana's outage", listed: "on", [`role:${ctx.members.MEMBER!.userId}`]: "a responder" }));
    await db().team.update({ where: { id: ctx.team.id }, data: { publicIndex: true } });
    const page = (await body(await publicPostmortemResponse({ slug }, null, "https://x.test", `/p/${slug}`))).text;
    const feed = (await body(await teamFeed(ctx.team.slug, "https://x.test"))).text;
    const edition = await db().publicEdition.findFirstOrThrow({ where: { postmortemId: ctx.id } });
    const stored = JSON.stringify({ ...(edition.body as object), signOff: [] });
    for (const [where, text] of [["page", page], ["feed", feed], ["stored", stored], ["preview image title", edition.title]] as const) expect(NAMES.exec(text)?.input.slice(Math.max(0, (NAMES.exec(text)?.index ?? 0) - 60), (NAMES.exec(text)?.index ?? 0) + 40), where).toBeUndefined();
    expect(edition.title).toBe("The incident commander's outage");
    expect(page).toContain("The incident commander noticed it first");
    expect(page).toContain("The incident commander&#39;s rollback");
    expect(page).toContain("A responder");
    expect(page).toContain("Meiosis is not a person.");
    // An image from elsewhere is shown as a link named by its alt text (public pages load nothing from elsewhere).
    expect(page).toContain('target="_blank">Graph drawn by the incident commander</a>');
    expect(page).toContain(encodeURIComponent(">A responder paged<"));
    expect(page).toContain("A responder&#39;s failover finished");
    expect(page).toContain("The incident commander to add an alert");
    expect(page).toContain("Reports stopped until the incident commander rolled back.");
    expect(feed).toContain("The incident commander&apos;s outage");
    // The choice is remembered for the next edition.
    expect((await db().publication.findUniqueOrThrow({ where: { slug } })).personRoles).toMatchObject({ [ctx.members.MEMBER!.userId]: "a responder" });
  });
});

describe("editions", () => {
  it("withdrawing edition 1 of 2 answers 410 with its note, and takes it out of the changelog, the feed and its pictures", async () => {
    const ctx = await setup();
    const pm = await approved(ctx);
    const { slug } = await publish(ctx.owner.userId, publishInput(pm, { listed: "on" }));
    await db().team.update({ where: { id: ctx.team.id }, data: { publicIndex: true } });
    expect((await previewImage({ slug }, 1)).status).toBe(200);
    await publish(ctx.owner.userId, publishInput(pm, { note: "Corrected the timeline.", listed: "on" }));
    const input = { teamId: ctx.team.id, postmortemId: ctx.id, edition: 1, note: "It named a customer." };
    expect((await rejection(withdrawEdition(ctx.members.VIEWER!.userId, input))).code).toBe("FORBIDDEN");
    expect((await rejection(withdrawEdition(ctx.owner.userId, { ...input, note: "" }))).fields?.note).toBeDefined();
    // Warm the cache, then withdraw: the page must not live on.
    expect((await body(await publicPostmortemResponse({ slug }, "1", "https://x.test", `/p/${slug}`))).status).toBe(200);
    await withdrawEdition(ctx.owner.userId, input);
    const old = await body(await publicPostmortemResponse({ slug }, "1", "https://x.test", `/p/${slug}`));
    expect(old.status).toBe(410);
    expect(old.text).toContain("It named a customer.");
    expect(old.headers.get("cache-control")).toBe("no-store");
    const latest = (await body(await publicPostmortemResponse({ slug }, null, "https://x.test", `/p/${slug}`))).text;
    expect(latest).not.toContain(`/p/${slug}/editions/1`);
    expect(latest).toContain("Edition 2");
    const feed = (await body(await teamFeed(ctx.team.slug, "https://x.test"))).text;
    expect(feed).not.toContain("editions/1");
    expect(feed.match(/<entry>/g)).toHaveLength(1);
    expect((await previewImage({ slug }, 1)).status).toBe(410);
    expect((await db().publicEdition.findFirstOrThrow({ where: { postmortemId: ctx.id, number: 1 } })).previewImage).toBeNull();
    // The last live edition cannot be withdrawn: that is unpublishing.
    expect((await rejection(withdrawEdition(ctx.owner.userId, { ...input, edition: 2 }))).code).toBe("CONFLICT");
  });

  it("the preview image is drawn once per edition and sent with the pages' revalidation rules", async () => {
    const ctx = await setup();
    const pm = await approved(ctx);
    const { slug } = await publish(ctx.owner.userId, publishInput(pm));
    const first = await previewImage({ slug }, null);
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("public, no-cache");
    const stored = await db().publicEdition.findFirstOrThrow({ where: { postmortemId: ctx.id }, select: { previewImage: true } });
    expect(stored.previewImage?.length).toBeGreaterThan(1000);
    // A second request serves the stored bytes (overwrite them to prove no redraw happens).
    await db().publicEdition.updateMany({ where: { postmortemId: ctx.id }, data: { previewImage: new Uint8Array([1, 2, 3]) } });
    const second = await previewImage({ slug }, null);
    expect(new Uint8Array(await second.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    expect((await previewImage({ slug }, null, second.headers.get("etag"))).status).toBe(304);
    await revoke(ctx.owner.userId, { teamId: ctx.team.id, postmortemId: ctx.id });
    expect((await previewImage({ slug }, null)).status).toBe(410);
  });

  it("refuses a chosen address that is one of the router's own words", async () => {
    for (const word of ["editions", "images", "teams", "og", "feed"]) expect(customSlugSchema.safeParse(word).success, word).toBe(false);
    const ctx = await setup();
    const pm = await approved(ctx);
    expect((await rejection(publish(ctx.owner.userId, publishInput(pm, { customSlug: "editions" })))).fields?.customSlug).toBeDefined();
  });

  it("the timeline line recording a publication names the address that serves the page (the chosen one)", async () => {
    const ctx = await setup();
    const pm = await approved(ctx);
    await publish(ctx.owner.userId, publishInput(pm, { customSlug: "reports-outage" }));
    const line = await db().timelineEvent.findFirstOrThrow({ where: { incidentId: ctx.incidentId, body: { startsWith: "Postmortem published" } } });
    const path = `/p/${ctx.team.slug}/reports-outage`;
    expect(line.body).toBe(`Postmortem published: ${path}`);
    expect((await lookupPublication({ teamSlug: ctx.team.slug, customSlug: "reports-outage" }, null)).kind).toBe("edition");
  });
});

describe("the public page", () => {
  it("leaves empty sections out, and sets the sign-off apart as the page's footer", async () => {
    const ctx = await setup();
    await rewrite(ctx.id, ctx.owner.userId, markdownToDocument(`## Summary\n\n::live{kind=summary}\n\n## Root cause\n\nAn unindexed query.\n\n## What went well\n\n## Where we got lucky\n\n\n\n## Timeline\n\n::live{kind=timeline scope=starred}\n`));
    const pm = await approved(ctx);
    const { slug } = await publish(ctx.owner.userId, publishInput(pm));
    const page = (await body(await publicPostmortemResponse({ slug }, null, "https://x.test", `/p/${slug}`))).text;
    expect(page).toContain("<h2>Root cause</h2>");
    for (const empty of ["Summary", "What went well", "Where we got lucky", "Timeline"]) expect(page, empty).not.toContain(`<h2>${empty}</h2>`);
    expect(page).toMatch(/<footer class="signoff"[^>]*><p><strong>Signed off.<\/strong> Reviewed and approved by 1 reviewer/);
  });

  it("wears the team's accent once chosen; a colour too light to read is refused with a darker one offered", async () => {
    const ctx = await setup();
    const pm = await approved(ctx);
    const { slug } = await publish(ctx.owner.userId, publishInput(pm));
    const settings = { teamId: ctx.team.id, internalHostPatterns: "" };
    const refused = await rejection(updatePublishingSettings(ctx.owner.userId, { ...settings, accent: "#fbbf24" }));
    expect(refused.fields?.accent?.[0]).toMatch(/^Too light to read on the page: 1\.\d:1, and text needs 4\.5:1\. A darker shade such as #[0-9a-f]{6} works\.$/);
    expect((await rejection(updatePublishingSettings(ctx.members.MEMBER!.userId, { ...settings, accent: "#0f766e" }))).code).toBe("FORBIDDEN");
    const before = await publicationVersion({ slug });
    await updatePublishingSettings(ctx.owner.userId, { ...settings, accent: "#0F766E" });
    expect(await publicationVersion({ slug })).not.toBe(before);
    const page = (await body(await publicPostmortemResponse({ slug }, null, "https://x.test", `/p/${slug}`))).text;
    expect(page).toContain('<link rel="stylesheet" href="/p-accent/0f766e.css">');
    await updatePublishingSettings(ctx.owner.userId, { ...settings, accent: "" });
    expect((await body(await publicPostmortemResponse({ slug }, null, "https://x.test", `/p/${slug}`))).text).not.toContain("/p-accent/");
  });

  it("print shows times in the incident's zone with the offset only", async () => {
    const css = readFileSync("public/p.css", "utf8");
    const print = css.slice(css.indexOf("@media print"));
    expect(print).toMatch(/time \.local[^{]*\{ display: none; \}|\.zone \.yours, time \.local \{ display: none; \}/);
    const ctx = await setup();
    const pm = await approved(ctx);
    const { slug } = await publish(ctx.owner.userId, publishInput(pm));
    const page = (await body(await publicPostmortemResponse({ slug }, null, "https://x.test", `/p/${slug}`))).text;
    expect(page).toContain('<span class="yours">, and yours alongside</span>');
    expect(page).toMatch(/<time datetime="[^"]+" data-local="datetime"[^>]*>[^<]*GMT[+-]?\d*<\/time>/);
  });
});
