import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createCollabServer } from "@/lib/collab/server";
import { connectClient, firstParagraphText, typeInto, waitFor, type TestClient } from "@/lib/collab/testing/client";
import { freePort, spawnCollab, type CollabProcess } from "@/lib/collab/testing/collab-process";
import { startOutageProxy } from "@/lib/collab/testing/outage-proxy";
import { postmortemForTest } from "@/lib/collab/testing/postmortem";
import { PRESENCE_COLORS, colorFor } from "@/lib/collab/presence-colors";
import { storableText } from "@/lib/collab/storable";
import { documentFromUpdate, plainText } from "@/lib/postmortems/document";
import type { JSONContent } from "@tiptap/core";

const secret = process.env.NEXTAUTH_SECRET ?? "";
const databaseUrl = process.env.DATABASE_URL ?? "";
const clients: TestClient[] = [];
const processes: CollabProcess[] = [];

function client(url: string, grant: Parameters<typeof connectClient>[2]): TestClient {
  const c = connectClient(url, secret, grant);
  clients.push(c);
  return c;
}

async function collabProcess(env: Record<string, string> = {}): Promise<{ url: string; process: CollabProcess }> {
  const port = await freePort();
  const started = await spawnCollab(port, { COLLAB_DEBOUNCE_MS: "150", ...env });
  processes.push(started);
  return { url: `ws://127.0.0.1:${port}`, process: started };
}

afterAll(async () => {
  for (const c of clients) c.destroy();
  for (const p of processes) await p.stop();
});

const synced = (c: TestClient) => waitFor(() => c.provider.isSynced, 10_000, "sync");
const stored = async (postmortemId: string) => {
  const row = await db().postmortem.findUniqueOrThrow({ where: { id: postmortemId }, select: { ydoc: true, markdown: true, content: true } });
  return { text: plainText(documentFromUpdate(new Uint8Array(row.ydoc))), markdown: row.markdown, content: JSON.stringify(row.content) };
};

describe("characters PostgreSQL cannot store", () => {
  it("a NUL and a lone surrogate typed into one document: the server stays up, that document stores without them, and another document still stores", async () => {
    const { url, process: collab } = await collabProcess();
    const bad = await postmortemForTest();
    const other = await postmortemForTest();
    const writer = client(url, bad.grant(bad.owner.userId));
    const bystander = client(url, other.grant(other.owner.userId));
    await Promise.all([synced(writer), synced(bystander)]);
    typeInto(writer.doc, "before\u0000after \ud800lonely");
    await waitFor(async () => (await stored(bad.postmortemId)).markdown.includes("beforeafter"), 20_000, "the document stored");
    const row = await stored(bad.postmortemId);
    expect(row.markdown).toContain("beforeafter \ufffdlonely");
    expect(row.content).not.toContain("\\u0000");
    typeInto(bystander.doc, "the other document");
    await waitFor(async () => (await stored(other.postmortemId)).markdown.includes("the other document"), 20_000, "the other document stored");
    typeInto(writer.doc, " and more");
    await waitFor(async () => (await stored(bad.postmortemId)).markdown.includes("and more"), 20_000, "later edits stored");
    expect(collab.exited()).toBe(false);
  }, 60_000);
});

describe("a database that goes away", () => {
  it("stores the document once PostgreSQL is back, tells editors meanwhile that it is not stored, and never exits", async () => {
    const target = new URL(databaseUrl);
    const proxy = await startOutageProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const throughProxy = new URL(databaseUrl);
    throughProxy.host = `127.0.0.1:${proxy.port}`;
    const { url, process: collab } = await collabProcess({ DATABASE_URL: throughProxy.toString() });
    try {
      const { owner, postmortemId, grant } = await postmortemForTest();
      const editor = client(url, grant(owner.userId));
      await synced(editor);
      typeInto(editor.doc, "typed before the outage. ");
      await waitFor(async () => (await stored(postmortemId)).text.includes("before the outage"), 10_000, "stored before");
      await proxy.cut();
      typeInto(editor.doc, "typed while PostgreSQL is away.");
      await new Promise((resolve) => setTimeout(resolve, 3000));
      expect(collab.exited()).toBe(false);
      await waitFor(() => editor.storedState().failing, 10_000, "editors told it is not stored");
      expect(editor.storedState().stored).toBe(false);
      await proxy.restore();
      await waitFor(async () => (await stored(postmortemId)).text.includes("while PostgreSQL is away"), 30_000, "stored after the database returned");
      await waitFor(() => editor.storedState().stored && !editor.storedState().failing, 10_000, "editors told it is stored");
      expect(collab.exited()).toBe(false);
      expect(collab.output()).toMatch(/storing .* failed \(attempt 1\); retrying in \d+ ms/);
    } finally {
      await proxy.close();
    }
  }, 60_000);
});

describe("saved means stored", () => {
  it("a change the server received but has not stored is not reported as stored; after the store it is", async () => {
    const own = createCollabServer({ port: 0, databaseUrl, secret, debounceMs: 3000, maxDebounceMs: 3000 });
    const port = await own.listen();
    try {
      const { owner, postmortemId, grant } = await postmortemForTest();
      const editor = client(`ws://127.0.0.1:${port}`, grant(owner.userId));
      await synced(editor);
      await waitFor(() => editor.storedState().stored, 5000, "loaded document reported stored");
      typeInto(editor.doc, "received, not yet stored");
      await waitFor(() => !editor.provider.hasUnsyncedChanges, 5000, "sent");
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect((await stored(postmortemId)).text).not.toContain("received, not yet stored");
      expect(editor.storedState().stored).toBe(false);
      await waitFor(() => editor.storedState().stored, 10_000, "reported stored");
      expect((await stored(postmortemId)).text).toContain("received, not yet stored");
    } finally {
      await own.destroy();
    }
  });
});

describe("listening", () => {
  const external = Object.values(networkInterfaces())
    .flat()
    .find((address) => address && address.family === "IPv4" && !address.internal)?.address;

  const reachable = (host: string, port: number) =>
    new Promise<boolean>((resolve) => {
      const socket = connect({ host, port, timeout: 2000 });
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
      socket.once("timeout", () => (socket.destroy(), resolve(false)));
    });

  it.skipIf(!external)("listens on 127.0.0.1 only by default, and on other interfaces only when told", async () => {
    const local = createCollabServer({ port: 0, databaseUrl, secret });
    const localPort = await local.listen();
    const everywhere = createCollabServer({ port: 0, host: "0.0.0.0", databaseUrl, secret });
    const everywherePort = await everywhere.listen();
    try {
      expect(await reachable("127.0.0.1", localPort)).toBe(true);
      expect(await reachable(external!, localPort)).toBe(false);
      expect(await reachable(external!, everywherePort)).toBe(true);
    } finally {
      await local.destroy();
      await everywhere.destroy();
    }
  });
});

describe("presence", () => {
  it("a client appears under its own name and a palette colour, whatever it claims", async () => {
    const own = createCollabServer({ port: 0, databaseUrl, secret });
    const port = await own.listen();
    try {
      const { owner, members, grant } = await postmortemForTest();
      const viewerId = members.VIEWER!.userId;
      const viewer = client(`ws://127.0.0.1:${port}`, grant(viewerId, false));
      const watcher = client(`ws://127.0.0.1:${port}`, grant(owner.userId));
      await Promise.all([synced(viewer), synced(watcher)]);
      viewer.provider.setAwarenessField("user", { name: "Owner", color: "#000000", extra: "<b>" });
      const seen = () => watcher.provider.awareness?.getStates().get(viewer.doc.clientID)?.user as { name: string; color: string } | undefined;
      await waitFor(() => seen() !== undefined, 10_000, "viewer's presence at the watcher");
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(seen()).toEqual({ name: "VIEWER user", color: colorFor(viewerId) });
      expect(PRESENCE_COLORS).toContain(seen()?.color);
      viewer.provider.setAwarenessField("cursor", { anchor: 1 });
      await waitFor(() => watcher.provider.awareness?.getStates().get(viewer.doc.clientID)?.cursor !== undefined, 10_000, "cursor update");
      expect(seen()).toEqual({ name: "VIEWER user", color: colorFor(viewerId) });
    } finally {
      await own.destroy();
    }
  });
});

const CHARACTERS = [
  ..."abc xyz 0123",
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)),
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(0x80 + i)),
  "\u007f", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e", "\u202d", "\u2066", "\u2069",
  "\u05d0", "\u0627", "😀", "👩‍💻", "\ufffe", "\uffff", "e\u0301", "\\", "`", "*", "#", "<script>", "&amp;", "]]>",
];

/** Halves of surrogate pairs, which no keyboard or clipboard produces. */
const LONE_SURROGATES = ["\ud800", "\udfff", "\udbff"];

function randomText(random: () => number, length: number, alphabet = CHARACTERS): string {
  return Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
}

/** A small seeded generator, so a failure can be replayed from the seed in its message. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe("fuzz", () => {
  it("random text with control characters, NUL, lone surrogates, RTL and zero-width marks: the server stays up and stores what PostgreSQL can hold", async () => {
    const { url, process: collab } = await collabProcess();
    const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
    const random = seeded(seed);
    const { owner, members, postmortemId, grant } = await postmortemForTest();
    // The owner's client also types halves of surrogate pairs, as only a hand-made client can; the
    // member types what keyboards and clipboards produce; the viewer only watches.
    const odd = client(url, grant(owner.userId));
    const member = client(url, grant(members.MEMBER!.userId));
    const watcher = client(url, grant(members.VIEWER!.userId, false));
    await Promise.all([odd, member, watcher].map(synced));
    for (let round = 0; round < 60; round++) {
      const [writer, alphabet] = round % 2 === 0 ? [odd, [...CHARACTERS, ...LONE_SURROGATES]] : [member, CHARACTERS];
      typeInto(writer.doc, randomText(random, 1 + Math.floor(random() * 40), alphabet), random() < 0.5 ? "start" : "end");
      if (round % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    typeInto(odd.doc, "END-OF-FUZZ");
    // Everyone but the odd client gets its halves as U+FFFD (updates carry UTF-8), so they agree
    // exactly with each other and with what the server stores.
    const text = (c: TestClient) => firstParagraphText(c.doc);
    await waitFor(() => text(member).includes("END-OF-FUZZ") && text(member) === text(watcher), 10_000, `convergence (seed ${seed})`);
    await waitFor(async () => (await stored(postmortemId)).markdown.includes("END-OF-FUZZ"), 15_000, `stored (seed ${seed})`);
    const content = (await db().postmortem.findUniqueOrThrow({ where: { id: postmortemId }, select: { content: true } })).content as JSONContent;
    expect(plainText(content), `seed ${seed}`).toContain(storableText(text(watcher)));
    // The odd client's own copy keeps its halves, and differs only at them or right after a high
    // half (Yjs rewrites the character after a high half it splits an item at, on that side only).
    const own = text(odd);
    expect(own.length, `seed ${seed}`).toBe(text(watcher).length);
    const half = (code: number) => (code >= 0xd800 && code <= 0xdfff) || code === 0xfffd;
    for (let i = 0; i < own.length; i++) {
      if (own[i] !== text(watcher)[i]) expect(half(own.charCodeAt(i)) || half(own.charCodeAt(i - 1)), `seed ${seed}, position ${i}`).toBe(true);
    }
    expect(collab.exited(), `seed ${seed}`).toBe(false);
  }, 60_000);
});
