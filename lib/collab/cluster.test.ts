import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { db } from "@/lib/db";
import { connectClient, firstParagraphText, typeInto, waitFor, type TestClient } from "@/lib/collab/testing/client";
import { freePort, spawnCollab, type CollabProcess } from "@/lib/collab/testing/collab-process";
import { postmortemForTest } from "@/lib/collab/testing/postmortem";
import { documentFromUpdate, plainText } from "@/lib/postmortems/document";
import { storeDocumentState } from "@/lib/postmortems/store";
import { startRoundRobinProxy, type RoundRobinProxy } from "@/lib/testing/round-robin-proxy";
import { redisAnswers, testRedisUrl } from "@/lib/testing/redis";
import { startOutageProxy } from "@/lib/collab/testing/outage-proxy";

const secret = process.env.NEXTAUTH_SECRET ?? "";
const redisUrl = testRedisUrl();
const redisUp = await redisAnswers(redisUrl);
if (!redisUp) console.warn(`Skipping the collaboration cluster tests: no Redis answers at ${redisUrl} (set REDIS_URL).`);

const clients: TestClient[] = [];
const servers: CollabProcess[] = [];
let proxy: RoundRobinProxy | null = null;

afterAll(async () => {
  for (const c of clients) c.destroy();
  await proxy?.close();
  await Promise.all(servers.map((s) => s.stop()));
});

const storedRow = async (postmortemId: string) => {
  const [row] = await db().$queryRaw<{ ydoc: Uint8Array; xmin: string }[]>`SELECT ydoc, xmin::text FROM "Postmortem" WHERE id = ${postmortemId}`;
  return row!;
};
const storedText = async (postmortemId: string) => plainText(documentFromUpdate(new Uint8Array((await storedRow(postmortemId)).ydoc)));
const synced = (c: TestClient) => waitFor(() => c.provider.isSynced, 15_000, "sync");
const allStored = (editors: TestClient[]) => waitFor(() => editors.every((e) => e.storedState().stored), 15_000, "every editor told its copy is stored");

async function startServer(env: Record<string, string> = {}): Promise<{ process: CollabProcess; port: number }> {
  const port = await freePort();
  const started = await spawnCollab(port, { REDIS_URL: redisUrl, COLLAB_DEBOUNCE_MS: "200", ...env });
  servers.push(started);
  return { process: started, port };
}

function client(url: string, grant: Parameters<typeof connectClient>[2]): TestClient {
  const c = connectClient(url, secret, grant);
  clients.push(c);
  return c;
}

describe("storing a document several servers hold", () => {
  it("merges with what is stored instead of writing over it, and writes nothing when it adds nothing", async () => {
    const { owner, postmortemId } = await postmortemForTest();
    const initial = new Uint8Array((await storedRow(postmortemId)).ydoc);
    const copy = (text: string) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, initial);
      typeInto(doc, text);
      return Y.encodeStateAsUpdate(doc);
    };
    // Two servers' copies, each with a change the other has not seen yet.
    const fromA = copy("from server A");
    await storeDocumentState(postmortemId, fromA, [owner.userId]);
    const second = await storeDocumentState(postmortemId, copy("from server B"), [owner.userId]);
    const text = await storedText(postmortemId);
    expect(text).toContain("from server A");
    expect(text).toContain("from server B");
    expect(second?.changed).toBe(true);
    const { xmin } = await storedRow(postmortemId);
    const lagging = await storeDocumentState(postmortemId, fromA, [owner.userId]);
    expect(lagging?.changed).toBe(false);
    expect((await storedRow(postmortemId)).xmin).toBe(xmin);
    expect(plainText(documentFromUpdate(lagging!.stored))).toBe(text);
  });
});

describe.skipIf(!redisUp)("two collaboration servers sharing documents through Redis", () => {
  let a: { process: CollabProcess; port: number };
  let b: { process: CollabProcess; port: number };

  beforeAll(async () => {
    [a, b] = await Promise.all([startServer(), startServer()]);
    proxy = await startRoundRobinProxy([
      { host: "127.0.0.1", port: a.port },
      { host: "127.0.0.1", port: b.port },
    ]);
  });

  it("five editors split across the two servers converge with every keystroke kept, and the stored document is the converged one", async () => {
    const { owner, members, postmortemId, grant } = await postmortemForTest();
    const users = [owner.userId, members.MEMBER!.userId, members.ADMIN!.userId, owner.userId, members.MEMBER!.userId];
    const editors = users.map((userId, i) => client(`ws://127.0.0.1:${i % 2 ? b.port : a.port}`, grant(userId)));
    await Promise.all(editors.map(synced));
    const rounds = 20;
    for (let round = 0; round < rounds; round++) {
      editors.forEach((editor, i) => typeInto(editor.doc, String.fromCharCode(65 + i), round % 2 ? "start" : "end"));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const texts = () => editors.map((e) => firstParagraphText(e.doc));
    await waitFor(() => new Set(texts()).size === 1 && texts().every((t) => t.length === rounds * 5), 15_000, "convergence");
    const [text = ""] = texts();
    for (let i = 0; i < 5; i++) expect(text.split(String.fromCharCode(65 + i)).length - 1).toBe(rounds);
    await allStored(editors);
    expect(await storedText(postmortemId)).toContain(text);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, new Uint8Array((await storedRow(postmortemId)).ydoc));
    expect(Y.equalSnapshots(Y.snapshot(stored), Y.snapshot(editors[0]!.doc))).toBe(true);
  });

  it("an editor joining on one server is told its copy is stored when the other server stored it", async () => {
    const { owner, members, postmortemId, grant } = await postmortemForTest();
    const onB = client(`ws://127.0.0.1:${b.port}`, grant(members.MEMBER!.userId));
    const onA = client(`ws://127.0.0.1:${a.port}`, grant(owner.userId));
    await Promise.all([synced(onA), synced(onB)]);
    typeInto(onA.doc, "stored by A");
    await allStored([onA, onB]);
    const joining = client(`ws://127.0.0.1:${b.port}`, grant(members.ADMIN!.userId));
    await synced(joining);
    await waitFor(() => joining.storedState().stored, 10_000, "the newcomer told its copy is stored");
    expect(await storedText(postmortemId)).toContain("stored by A");
  });

  it("a killed server loses nothing its editors saw saved; they carry on through the other", async () => {
    const spare = await startServer();
    const survivor = b;
    const lb = await startRoundRobinProxy([
      { host: "127.0.0.1", port: spare.port },
      { host: "127.0.0.1", port: survivor.port },
    ]);
    try {
      const { owner, members, postmortemId, grant } = await postmortemForTest();
      const onSpare = client(`ws://127.0.0.1:${lb.port}`, grant(owner.userId));
      const onSurvivor = client(`ws://127.0.0.1:${lb.port}`, grant(members.MEMBER!.userId));
      await Promise.all([synced(onSpare), synced(onSurvivor)]);
      expect(lb.routed.slice(0, 2).sort()).toEqual([0, 1]);
      typeInto(onSpare.doc, "seen as saved. ");
      typeInto(onSurvivor.doc, "also saved. ");
      await allStored([onSpare, onSurvivor]);
      spare.process.child.kill("SIGKILL");
      await waitFor(() => spare.process.exited(), 5000, "the kill");
      expect(await storedText(postmortemId)).toContain("seen as saved.");
      expect(await storedText(postmortemId)).toContain("also saved.");
      await synced(onSpare);
      await waitFor(() => onSpare.provider.isSynced && onSpare.closes.length > 0, 15_000, "reconnected to the survivor");
      typeInto(onSpare.doc, "after the loss.");
      await waitFor(() => firstParagraphText(onSurvivor.doc).includes("after the loss."), 15_000, "the other editor sees it");
      await allStored([onSpare, onSurvivor]);
      expect(await storedText(postmortemId)).toContain("after the loss.");
    } finally {
      await lb.close();
    }
  });

  it("SIGTERM stores every open document before exit while the other server carries on", async () => {
    const slow = await startServer({ COLLAB_DEBOUNCE_MS: "60000" });
    const { owner, members, postmortemId, grant } = await postmortemForTest();
    const leaving = client(`ws://127.0.0.1:${slow.port}`, grant(owner.userId));
    const staying = client(`ws://127.0.0.1:${b.port}`, grant(members.MEMBER!.userId));
    await Promise.all([synced(leaving), synced(staying)]);
    typeInto(leaving.doc, "typed before the stop");
    await waitFor(() => firstParagraphText(staying.doc).includes("typed before the stop"), 10_000, "shared");
    expect(await storedText(postmortemId)).not.toContain("typed before the stop");
    await slow.process.stop();
    expect(slow.process.output()).not.toContain("exiting anyway");
    expect(await storedText(postmortemId)).toContain("typed before the stop");
    typeInto(staying.doc, " and after it");
    await waitFor(async () => (await storedText(postmortemId)).includes("and after it"), 10_000, "the other server stores");
  });
  it("a stop while PostgreSQL is away ends within its time limit, and the other server stores what it could not", async () => {
    const database = new URL(process.env.DATABASE_URL ?? "");
    const outage = await startOutageProxy({ host: database.hostname, port: Number(database.port || 5432) });
    const throughOutage = new URL(database);
    throughOutage.host = `127.0.0.1:${outage.port}`;
    const cut = await startServer({ DATABASE_URL: throughOutage.toString(), COLLAB_DEBOUNCE_MS: "60000", COLLAB_STOP_TIMEOUT_MS: "1500" });
    try {
      const { owner, members, postmortemId, grant } = await postmortemForTest();
      const leaving = client(`ws://127.0.0.1:${cut.port}`, grant(owner.userId));
      const staying = client(`ws://127.0.0.1:${b.port}`, grant(members.MEMBER!.userId));
      await Promise.all([synced(leaving), synced(staying)]);
      await outage.cut();
      typeInto(leaving.doc, "typed while the database was away");
      await waitFor(() => firstParagraphText(staying.doc).includes("typed while the database was away"), 10_000, "shared through Redis");
      const stopped = Date.now();
      await cut.process.stop();
      expect(Date.now() - stopped).toBeLessThan(10_000);
      expect(cut.process.output()).toContain("exiting anyway");
      // The editor that was on the stopped server now writes through the other, which stores it all.
      typeInto(staying.doc, " and kept");
      await waitFor(async () => (await storedText(postmortemId)).includes("typed while the database was away and kept"), 15_000, "stored by the other server");
    } finally {
      await outage.close();
    }
  });
});
