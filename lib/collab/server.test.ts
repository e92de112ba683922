import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { removeMember, changeRole } from "@/lib/teams/members";
import { createCollabServer, type CollabServer } from "@/lib/collab/server";
import { signCollabToken } from "@/lib/collab/token";
import { connectClient, firstParagraphText, typeInto, waitFor, type TestClient } from "@/lib/collab/testing/client";
import { createTeamWith } from "@/lib/testing/factories";
import { freePort, spawnCollab } from "@/lib/collab/testing/collab-process";
import { postmortemForTest } from "@/lib/collab/testing/postmortem";
import { documentFromUpdate, plainText } from "@/lib/postmortems/document";
import { FRAGMENT } from "@/lib/postmortems/limits";
import { CLOSE_ACCESS_CHANGED, CLOSE_TOO_LARGE } from "@/lib/collab/close-codes";
import { restoreVersion, saveNamedVersion } from "@/lib/postmortems/versions";
import { rejection } from "@/lib/testing/errors";

const secret = process.env.NEXTAUTH_SECRET ?? "";
let collab: CollabServer;
let url: string;
const clients: TestClient[] = [];

beforeAll(async () => {
  collab = createCollabServer({ port: 0, databaseUrl: process.env.DATABASE_URL ?? "", secret, debounceMs: 200, maxDebounceMs: 1000 });
  const port = await collab.listen();
  url = `ws://127.0.0.1:${port}`;
  // The app reaches this server's restore endpoint on COLLAB_PORT.
  process.env.COLLAB_PORT = String(port);
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await collab.destroy();
});

const setup = postmortemForTest;

function client(grant: Parameters<typeof connectClient>[2], options: Parameters<typeof connectClient>[3] & { url?: string } = {}): TestClient {
  const c = connectClient(options.url ?? url, secret, grant, options);
  clients.push(c);
  return c;
}

const synced = (c: TestClient) => waitFor(() => c.provider.isSynced, 10_000, "sync");
const storedText = async (postmortemId: string) =>
  plainText(documentFromUpdate(new Uint8Array((await db().postmortem.findUniqueOrThrow({ where: { id: postmortemId } })).ydoc)));

describe("co-editing", () => {
  it("five clients typing into one paragraph at once converge, every keystroke kept, and the database holds the same", async () => {
    const { owner, members, postmortemId, grant } = await setup();
    const users = [owner.userId, members.MEMBER!.userId, members.ADMIN!.userId, owner.userId, members.MEMBER!.userId];
    const editors = users.map((userId) => client(grant(userId)));
    await Promise.all(editors.map(synced));
    const rounds = 20;
    for (let round = 0; round < rounds; round++) {
      editors.forEach((editor, i) => typeInto(editor.doc, String.fromCharCode(65 + i), round % 2 ? "start" : "end"));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const texts = () => editors.map((e) => firstParagraphText(e.doc));
    await waitFor(() => new Set(texts()).size === 1 && texts().every((t) => t.length === rounds * 5), 10_000, "convergence");
    const [text = ""] = texts();
    for (let i = 0; i < 5; i++) expect(text.split(String.fromCharCode(65 + i)).length - 1).toBe(rounds);
    await waitFor(async () => (await storedText(postmortemId)).includes(text), 10_000, "persistence");
    const stored = await db().postmortem.findUniqueOrThrow({ where: { id: postmortemId } });
    expect(stored.contentVersion).toBeGreaterThan(1);
    expect(stored.markdown).toContain(text);
    expect(stored.lastEditedById).not.toBeNull();
  });

  it("a viewer's connection is read-only at the server: their edits reach nobody and are not stored", async () => {
    const { owner, members, postmortemId, grant } = await setup();
    // Even a token that claims edit rights is capped by the viewer's role in the database.
    const viewer = client(grant(members.VIEWER!.userId, true));
    const writer = client(grant(owner.userId));
    await Promise.all([synced(viewer), synced(writer)]);
    typeInto(viewer.doc, "viewer was here");
    typeInto(writer.doc, "owner text");
    await waitFor(() => firstParagraphText(viewer.doc).includes("owner text"), 10_000, "owner text at viewer");
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(firstParagraphText(writer.doc)).not.toContain("viewer was here");
    await waitFor(async () => (await storedText(postmortemId)).includes("owner text"), 10_000, "stored");
    expect(await storedText(postmortemId)).not.toContain("viewer was here");
  });
});

describe("who may connect", () => {
  it("refuses a member of another team, a forged token, an expired token and a token for another document", async () => {
    const ours = await setup();
    const theirs = await createTeamWith();
    const outsider = client({ userId: theirs.owner.userId, teamId: ours.team.id, postmortemId: ours.postmortemId, canEdit: true });
    const forged = client(ours.grant(ours.owner.userId), { token: () => signCollabToken(ours.grant(ours.owner.userId), "x".repeat(40)).token });
    const expired = client(ours.grant(ours.owner.userId), { token: () => signCollabToken(ours.grant(ours.owner.userId), secret, Date.now() - 120_000).token });
    const other = await setup();
    const wrongDoc = client(ours.grant(ours.owner.userId), { token: () => signCollabToken(other.grant(other.owner.userId), secret).token });
    for (const refused of [outsider, forged, expired, wrongDoc]) {
      await waitFor(() => refused.authFailures.length > 0, 10_000, "refusal");
      expect(refused.provider.isSynced).toBe(false);
      expect(refused.doc.getXmlFragment(FRAGMENT).length).toBe(0);
    }
  });

  it("closes a removed member's open connection, and a demoted member comes back read-only", async () => {
    const { team, owner, members, postmortemId, grant } = await setup();
    const removed = client(grant(members.MEMBER!.userId));
    const demoted = client(grant(members.ADMIN!.userId));
    const writer = client(grant(owner.userId));
    await Promise.all([synced(removed), synced(demoted), synced(writer)]);
    await removeMember(owner.userId, { teamId: team.id, membershipId: members.MEMBER!.membershipId });
    await changeRole(owner.userId, { teamId: team.id, membershipId: members.ADMIN!.membershipId, role: "VIEWER" });
    await waitFor(() => removed.closes.includes(CLOSE_ACCESS_CHANGED.code), 10_000, "removed member closed");
    await waitFor(() => removed.authFailures.length > 0, 10_000, "removed member refused on reconnect");
    await waitFor(() => demoted.closes.includes(CLOSE_ACCESS_CHANGED.code), 10_000, "demoted member closed");
    await waitFor(() => demoted.provider.isSynced, 10_000, "demoted member back");
    typeInto(demoted.doc, "demoted edit");
    typeInto(writer.doc, "still writing");
    await waitFor(async () => (await storedText(postmortemId)).includes("still writing"), 10_000, "stored");
    expect(await storedText(postmortemId)).not.toContain("demoted edit");
  });
});

describe("restoring a version", () => {
  it("writes the old text into the live document for everyone connected, keeping the replaced text as a version", async () => {
    const { team, owner, members, postmortemId, grant } = await setup();
    const editor = client(grant(owner.userId));
    const watcher = client(grant(members.MEMBER!.userId));
    await Promise.all([synced(editor), synced(watcher)]);
    typeInto(editor.doc, "The first draft.");
    await waitFor(async () => (await storedText(postmortemId)).includes("The first draft."), 10_000, "first draft stored");
    const saved = await saveNamedVersion(owner.userId, { teamId: team.id, postmortemId, name: "First draft" });
    typeInto(editor.doc, " A rewrite nobody liked.");
    await waitFor(async () => (await storedText(postmortemId)).includes("nobody liked"), 10_000, "rewrite stored");
    expect((await rejection(restoreVersion(members.VIEWER!.userId, { teamId: team.id, postmortemId, snapshotId: saved.id }))).code).toBe("FORBIDDEN");
    await restoreVersion(members.MEMBER!.userId, { teamId: team.id, postmortemId, snapshotId: saved.id });
    await waitFor(() => !firstParagraphText(watcher.doc).includes("nobody liked") && firstParagraphText(watcher.doc).includes("The first draft."), 10_000, "restore reached the watcher");
    await waitFor(async () => !(await storedText(postmortemId)).includes("nobody liked"), 10_000, "restore stored");
    const versions = await db().postmortemSnapshot.findMany({ where: { postmortemId }, orderBy: { createdAt: "asc" }, select: { kind: true, name: true, markdown: true } });
    const before = versions.find((v) => v.name === "Before restoring First draft");
    expect(before?.markdown).toContain("nobody liked");
    expect(versions.some((v) => v.kind === "RESTORE" && v.name === "Restored First draft")).toBe(true);
    expect(await db().auditEvent.count({ where: { targetId: postmortemId, action: "postmortem.version_restored" } })).toBe(1);
  });

  it("refuses a version of another postmortem", async () => {
    const ours = await setup();
    const theirs = await setup();
    const saved = await saveNamedVersion(theirs.owner.userId, { teamId: theirs.team.id, postmortemId: theirs.postmortemId, name: "Theirs" });
    const refused = await rejection(restoreVersion(ours.owner.userId, { teamId: ours.team.id, postmortemId: ours.postmortemId, snapshotId: saved.id }));
    expect(refused.code).toBe("NOT_FOUND");
  });
});

describe("limits", () => {
  it("refuses a 1 MB change with a close code the editor explains, and stores nothing of it", async () => {
    const { owner, postmortemId, grant } = await setup();
    const editor = client(grant(owner.userId));
    await synced(editor);
    typeInto(editor.doc, "x".repeat(1024 * 1024));
    await waitFor(() => editor.closes.includes(CLOSE_TOO_LARGE.code), 10_000, "too-large close");
    editor.destroy();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await storedText(postmortemId)).length).toBeLessThan(10_000);
  });
});

describe("restarts", () => {
  it("stores every open document when stopped, and loads it back", async () => {
    const { owner, postmortemId, grant } = await setup();
    const own = createCollabServer({ port: 0, databaseUrl: process.env.DATABASE_URL ?? "", secret, debounceMs: 60_000, maxDebounceMs: 60_000 });
    const port = await own.listen();
    const editor = connectClient(`ws://127.0.0.1:${port}`, secret, grant(owner.userId));
    await synced(editor);
    typeInto(editor.doc, "written just before a restart");
    await waitFor(() => !editor.provider.hasUnsyncedChanges, 10_000, "sent");
    await own.destroy();
    editor.destroy();
    expect(await storedText(postmortemId)).toContain("written just before a restart");
  });

  it("a collaboration server killed mid-edit loses nothing: clients resend after the restart and the stored document equals theirs", async () => {
    const { owner, members, postmortemId, grant } = await setup();
    const port = await freePort();
    // Long debounce: nothing typed before the kill has been stored when it dies.
    const start = async () => (await spawnCollab(port)).child;
    let processHandle = await start();
    const a = client(grant(owner.userId), { url: `ws://127.0.0.1:${port}` });
    const b = client(grant(members.MEMBER!.userId), { url: `ws://127.0.0.1:${port}` });
    await Promise.all([synced(a), synced(b)]);
    typeInto(a.doc, "seed ");
    await waitFor(() => firstParagraphText(b.doc).includes("seed"), 10_000, "seed");
    for (let i = 0; i < 10; i++) {
      typeInto(a.doc, `a${i} `);
      typeInto(b.doc, `b${i} `, "start");
    }
    await waitFor(() => !a.provider.hasUnsyncedChanges && !b.provider.hasUnsyncedChanges, 10_000, "sent");
    processHandle.kill("SIGKILL");
    await new Promise((resolve) => processHandle.once("exit", resolve));
    typeInto(a.doc, "written while the server was down");
    processHandle = await start();
    try {
      await waitFor(() => firstParagraphText(a.doc) === firstParagraphText(b.doc) && firstParagraphText(b.doc).includes("written while the server was down"), 20_000, "reconverged");
      const expected = firstParagraphText(a.doc);
      for (let i = 0; i < 10; i++) expect(expected).toContain(`a${i}`);
      a.destroy();
      b.destroy();
      await waitFor(async () => (await storedText(postmortemId)).includes(expected), 20_000, "stored after restart");
    } finally {
      processHandle.kill("SIGTERM");
      await new Promise((resolve) => processHandle.once("exit", resolve));
    }
  }, 60_000);
});
