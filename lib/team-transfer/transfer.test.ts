import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { declareIncident } from "@/lib/incidents/mutations";
import { addEvent, editEvent } from "@/lib/timeline/mutations";
import { createTask } from "@/lib/tasks/mutations";
import { startPostmortem } from "@/lib/postmortems/mutations";
import { storeDocumentState } from "@/lib/postmortems/store";
import { documentFromUpdate, markdownToDocument, plainText, replaceDocumentContent } from "@/lib/postmortems/document";
import { approve, requestReview } from "@/lib/reviews/mutations";
import { publish } from "@/lib/publishing/mutations";
import { createTeamWith, createUser } from "@/lib/testing/factories";
import { packArchive, unpackArchive, type TeamArchive } from "@/lib/team-transfer/archive";
import { exportTeam } from "@/lib/team-transfer/export";
import { importTeam } from "@/lib/team-transfer/import";
import { NOT_EXPORTED, TEAM_TABLES } from "@/lib/team-transfer/tables";
import { teamArchiveFor } from "@/lib/team-transfer/download";
import { rejection } from "@/lib/testing/errors";
import { createThrowawayDatabase, type ThrowawayDatabase } from "@/scripts/lib/throwaway-database";

const serverUrl = process.env.TEST_SERVER_URL ?? process.env.DATABASE_URL ?? "";
const databases: ThrowawayDatabase[] = [];
const clients: pg.Client[] = [];
const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  clients.push(client);
  return client;
}

function npmRun(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    let output = "";
    const child = spawn("npm", ["run", "--silent", ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => resolve({ code, output }));
  });
}

/**
 * The archive with every user id replaced by that person's e-mail (ids differ between
 * instances) and the export time dropped: two archives of the same team are then deep-equal.
 */
function normalised(archive: TeamArchive): unknown {
  const emails = new Map(archive.users.map((u) => [u.id, u.email.toLowerCase()]));
  const swap = (value: unknown): unknown => {
    if (typeof value === "string") return emails.get(value) ?? value;
    if (Array.isArray(value)) return value.map(swap);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, inner]) => [emails.get(key) ?? key, swap(inner)]));
    return value;
  };
  return { ...archive, exportedAt: null, users: archive.users.map((u) => u.email.toLowerCase()).sort(), tables: swap(archive.tables) };
}

/** A team with a bit of everything: incident, edited timeline, tasks, a postmortem with an image, a diagram, comments, a review and a publication. */
async function richTeam() {
  const ctx = await createTeamWith(["MEMBER", "VIEWER"]);
  const teamId = ctx.team.id;
  const owner = ctx.owner.userId;
  const member = ctx.members.MEMBER!.userId;
  await db().severityLevel.create({ data: { teamId, level: "SEV1", description: "Customers cannot pay — 支払い不可" } });
  const service = await db().service.create({ data: { teamId, name: "checkout-api" } });
  const incident = await declareIncident(owner, { teamId, title: "Checkout down «again»", severity: "SEV3" });
  await db().incidentService.create({ data: { incidentId: incident.id, serviceId: service.id } });
  const base = { teamId, incidentId: incident.id };
  const event = await addEvent(owner, { ...base, kind: "DETECTION", body: "Pager fired for **5xx** on checkout" });
  const stored = await db().timelineEvent.findUniqueOrThrow({ where: { id: event.id } });
  await editEvent(owner, { teamId, eventId: event.id, version: stored.version, kind: "DETECTION", body: "Pager fired for **5xx** on checkout-api", occurredAt: "2026-01-10T10:00" });
  await addEvent(member, { ...base, kind: "DEAD_END", body: "Suspected DNS; it was not DNS" });
  await createTask(owner, { ...base, title: "Add a canary for checkout", type: "DETECTIVE" });
  await createTask(member, { ...base, title: "Runbook: failover", type: "PROCESS" });
  const { id: postmortemId } = await startPostmortem(owner, { ...base, templateId: "builtin:standard", title: "Checkout down" });
  const upload = await db().upload.create({ data: { teamId, postmortemId, uploadedById: member, contentType: "image/png", byteSize: PNG.length, sha256: createHash("sha256").update(PNG).digest("hex"), data: PNG } });
  const row = await db().postmortem.findUniqueOrThrow({ where: { id: postmortemId } });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(row.ydoc));
  replaceDocumentContent(doc, markdownToDocument(`## Summary\n\nThe failover runbook had a typo.\n\n![graph](/api/uploads/${upload.id})\n`));
  await storeDocumentState(postmortemId, Y.encodeStateAsUpdate(doc), [owner, member]);
  await db().diagramImage.create({ data: { teamId, postmortemId, sourceHash: "abc123", svg: "<svg xmlns='http://www.w3.org/2000/svg'><text>db → app</text></svg>" } });
  const thread = await db().commentThread.create({ data: { teamId, postmortemId, quote: "had a typo", createdById: member } });
  await db().comment.create({ data: { threadId: thread.id, authorId: member, body: "Which line? @Owner" } });
  const pm = { teamId, postmortemId };
  await requestReview(owner, { ...pm, reviewerIds: [member] });
  const { contentVersion } = await db().postmortem.findUniqueOrThrow({ where: { id: postmortemId } });
  await approve(member, { ...pm, contentVersion });
  await publish(owner, { ...pm, contentVersion, title: "When checkout stopped", subtitle: "A typo", confirmed: "on", noindex: "on", [`role:${member}`]: "a responder" });
  return { ...ctx, postmortemId, uploadId: upload.id };
}

let source: Awaited<ReturnType<typeof richTeam>>;
let sourceClient: pg.Client;

beforeAll(async () => {
  source = await richTeam();
  sourceClient = await connect(inject("databaseUrl"));
});

afterAll(async () => {
  for (const client of clients) await client.end();
  for (const database of databases) await database.drop();
});

describe("team export and import", () => {
  it("covers every table that belongs to a team (add a new one to TEAM_TABLES or NOT_EXPORTED)", async () => {
    const { rows } = await sourceClient.query<{ table: string }>(
      `SELECT table_name AS table FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'teamId' ORDER BY 1`,
    );
    const covered = new Set([...TEAM_TABLES.map((t) => t.name), ...Object.keys(NOT_EXPORTED)]);
    expect(rows.map((r) => r.table).filter((table) => !covered.has(table))).toEqual([]);
  });

  it("moves a team to another database and back out unchanged: every row of every table, the Yjs state and the images", async () => {
    const original = await exportTeam(sourceClient, source.team.slug);
    expect(original.tables.Incident).toHaveLength(1);
    expect(original.tables.TimelineEventRevision?.length).toBeGreaterThan(0);
    expect(original.tables.PublicEdition).toHaveLength(1);
    expect(original.users.map((u) => u.email)).not.toContain(undefined);
    expect(JSON.stringify(original)).not.toContain("passwordHash");

    const target = await createThrowawayDatabase(serverUrl, "hindsight_ops_team");
    databases.push(target);
    const targetClient = await connect(target.url);
    // The member already has an account on the other instance, under another id and name.
    const memberEmail = original.users.find((u) => u.id === source.members.MEMBER!.userId)?.email ?? "";
    await targetClient.query(`INSERT INTO "User" (id, email, name, "updatedAt") VALUES ('existing-member', $1, 'Already Here', now())`, [memberEmail.toUpperCase()]);

    const dir = mkdtempSync(path.join(tmpdir(), "hindsight-ops-team-"));
    const file = path.join(dir, "team.hindsight.json.gz");
    const exported = await npmRun(["team:export", "--", "--team", source.team.slug, "--out", file], { DATABASE_URL: inject("databaseUrl") });
    expect(exported.code, exported.output).toBe(0);
    expect(readFileSync(file).subarray(0, 2).toString("hex")).toBe("1f8b");
    const imported = await npmRun(["team:import", "--", file], { DATABASE_URL: target.url });
    expect(imported.code, imported.output).toBe(0);
    expect(imported.output).toContain("Created disabled accounts for people with none here");

    const copy = await exportTeam(targetClient, source.team.slug);
    expect(normalised(copy)).toEqual(normalised(original));

    // People: the member's rows point at the existing account; the others are disabled placeholders without a password.
    const { rows: people } = await targetClient.query<{ id: string; email: string; disabled: boolean; password: boolean }>(
      `SELECT id, lower(email) AS email, "disabledAt" IS NOT NULL AS disabled, "passwordHash" IS NOT NULL AS password FROM "User" ORDER BY email`,
    );
    expect(people.find((p) => p.email === memberEmail.toLowerCase())).toMatchObject({ id: "existing-member", disabled: false });
    expect(people.filter((p) => p.id !== "existing-member").every((p) => p.disabled && !p.password)).toBe(true);
    const { rows: roles } = await targetClient.query<{ personRoles: Record<string, string> }>(`SELECT "personRoles" FROM "Publication"`);
    expect(roles[0]?.personRoles["existing-member"]).toBe("a responder");

    // The collaborative state and the image bytes are the same, byte for byte.
    const { rows: [pmRow] } = await targetClient.query<{ ydoc: Buffer }>(`SELECT ydoc FROM "Postmortem" WHERE id = $1`, [source.postmortemId]);
    expect(plainText(documentFromUpdate(new Uint8Array(pmRow?.ydoc ?? [])))).toContain("The failover runbook had a typo.");
    const { rows: [image] } = await targetClient.query<{ data: Buffer }>(`SELECT data FROM "Upload" WHERE id = $1`, [source.uploadId]);
    expect(image?.data.equals(PNG)).toBe(true);
    // Full-text search finds the same words on the imported team: the triggers rebuilt the vectors the archive leaves out (positions follow insertion order).
    const vectors = async (client: pg.Client) =>
      (await client.query<{ search: string }>(`SELECT strip(search)::text AS search FROM "Incident" WHERE "teamId" = $1 UNION ALL SELECT strip(search)::text FROM (SELECT search FROM "TimelineEvent" WHERE "teamId" = $1 ORDER BY id) e`, [source.team.id])).rows;
    const rebuilt = await vectors(targetClient);
    expect(rebuilt.length).toBeGreaterThan(2);
    expect(rebuilt.every((row) => row.search.length > 0)).toBe(true);
    expect(rebuilt).toEqual(await vectors(sourceClient));

    // Twice into the same instance is refused, and so is a taken address.
    await expect(importTeam(targetClient, original)).rejects.toThrow(/already been imported/);
    await expect(importTeam(targetClient, { ...original, team: { ...original.team, id: "another-team" } })).rejects.toThrow(/address .* is taken here/);
  }, 120_000);

  it("refuses, importing nothing, when asked not to create accounts for people who have none", async () => {
    const archive = unpackArchive(packArchive(await exportTeam(sourceClient, source.team.slug)));
    const target = await createThrowawayDatabase(serverUrl, "hindsight_ops_team");
    databases.push(target);
    const client = await connect(target.url);
    await expect(importTeam(client, archive, { missingUsers: "refuse" })).rejects.toThrow(/no account here: .*@example\.test/);
    const { rows } = await client.query<{ teams: number; users: number }>(`SELECT (SELECT count(*) FROM "Team")::int AS teams, (SELECT count(*) FROM "User")::int AS users`);
    expect(rows[0]).toEqual({ teams: 0, users: 0 });
  }, 60_000);

  it("refuses an archive from a newer version, and a file that is not an archive", async () => {
    const archive = await exportTeam(sourceClient, source.team.slug);
    const target = await createThrowawayDatabase(serverUrl, "hindsight_ops_team");
    databases.push(target);
    const client = await connect(target.url);
    await expect(importTeam(client, { ...archive, migrations: [...archive.migrations, "99990101000000_future"] })).rejects.toThrow(/newer Hindsight.*99990101000000_future/);
    expect(() => unpackArchive(Buffer.from("not gzip"))).toThrow(/not a Hindsight team archive/);
    await expect(exportTeam(sourceClient, "no-such-team")).rejects.toThrow(/No team/);
  }, 60_000);

  it("lets owners download the archive from Settings, audited, and nobody else", async () => {
    const file = await teamArchiveFor(source.owner.userId, source.team.slug);
    expect(file.filename).toMatch(new RegExp(`^${source.team.slug}-\\d{4}-\\d{2}-\\d{2}\\.hindsight\\.json\\.gz$`));
    expect(unpackArchive(file.body).tables.Postmortem).toHaveLength(1);
    expect(await db().auditEvent.count({ where: { teamId: source.team.id, action: "team.exported", actorId: source.owner.userId } })).toBe(1);
    expect((await rejection(teamArchiveFor(source.members.MEMBER!.userId, source.team.slug))).code).toBe("FORBIDDEN");
    expect((await rejection(teamArchiveFor(source.members.VIEWER!.userId, source.team.slug))).code).toBe("FORBIDDEN");
    const outsider = await createUser();
    expect((await rejection(teamArchiveFor(outsider.id, source.team.slug))).code).toBe("NOT_FOUND");
  });
});
