import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import PgBoss from "pg-boss";
import * as Y from "yjs";
import { startEmbeddedPostgres, type EmbeddedServer } from "./embedded-postgres";
import { applyMigrations } from "./migrate";
import { buildIsCurrent } from "./build-freshness";
import { WEB_NODE_FLAGS } from "./web-node-flags";
import { PROJECT_ROOT } from "./project-root";
import { redisAnswers, testRedisUrl } from "../../lib/testing/redis";
import { openEventStream, type OpenStream } from "../../lib/testing/event-stream";
import { startRoundRobinProxy, type RoundRobinProxy } from "../../lib/testing/round-robin-proxy";
import { connectClient, firstParagraphText, typeInto, waitFor, type TestClient } from "../../lib/collab/testing/client";
import { freePort, spawnCollab, type CollabProcess } from "../../lib/collab/testing/collab-process";

/**
 * Two production web instances behind a round-robin proxy, on an embedded PostgreSQL this test
 * stops and starts again under them. Ports from the cluster range (E2E 3160–3169, PostgreSQL 5460–5469).
 */
const PG_PORT = Number(process.env.CLUSTER_PG_PORT ?? 5460);
const LB_PORT = Number(process.env.CLUSTER_LB_PORT ?? 3160);
const WEB_PORTS = [LB_PORT + 1, LB_PORT + 2];
const SECRET = "cluster-secret-cluster-secret-cluster-secret";
const APP_URL = `http://127.0.0.1:${LB_PORT}`;

const built = buildIsCurrent();
const redisUp = await redisAnswers(testRedisUrl());
const skipReason = !built ? "no current production build (run `next build` first)" : !redisUp ? `no Redis at ${testRedisUrl()}` : null;
if (skipReason) console.warn(`Skipping the multi-instance web tests: ${skipReason}.`);

type Web = { port: number; child: ChildProcess; output: () => string; exited: Promise<number | null> };

let pg: EmbeddedServer;
let dataDir: string;
let databaseUrl: string;
const webs: Web[] = [];
let proxy: RoundRobinProxy;
const streams: OpenStream[] = [];
let collab: { process: CollabProcess; port: number };
const editors: TestClient[] = [];

function startWeb(port: number): Promise<Web> {
  let output = "";
  const child = spawn(process.execPath, [...WEB_NODE_FLAGS, "--import", "tsx", "scripts/web.ts"], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: SECRET,
      NEXTAUTH_URL: APP_URL,
      WEB_STOP_TIMEOUT_MS: "10000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("listening")) resolve({ port, child, output: () => output, exited });
    });
    void exited.then((code) => reject(new Error(`web on ${port} exited with ${code}: ${output}`)));
  });
}

const startDatabase = () => startEmbeddedPostgres({ dataDir, port: PG_PORT });

/** The lib functions below run in this process against the instances' database, as a third instance would. */
async function lib() {
  return {
    ...(await import("../../lib/db")),
    ...(await import("../../lib/testing/published")),
    ...(await import("../../lib/timeline/mutations")),
    ...(await import("../../lib/publishing/mutations")),
    ...(await import("../../lib/auth/sessions")),
    ...(await import("../../lib/errors")),
    ...(await import("../../lib/outage/unreachable")),
  };
}

async function sessionCookie(user: { id: string; email: string; name: string }): Promise<string> {
  const { createSession } = await lib();
  const sid = await createSession(user.id, "cluster test");
  const token = await encode({ token: { sub: user.id, sid, email: user.email, name: user.name }, secret: SECRET });
  return `next-auth.session-token=${token}`;
}

const get = (port: number, pathname: string, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${port}${pathname}`, { headers, redirect: "manual", signal: AbortSignal.timeout(30_000) });

async function incidentViewer() {
  const { db, publishedPostmortem } = await lib();
  const published = await publishedPostmortem();
  const owner = await db().user.findUniqueOrThrow({ where: { id: published.owner.userId }, select: { id: true, email: true, name: true } });
  const cookie = await sessionCookie(owner);
  const incidentPath = `/t/${published.team.slug}/incidents/${published.incident.number}`;
  return { ...published, cookie, incidentPath };
}

async function follow(port: number, viewer: { cookie: string; incidentPath: string }): Promise<OpenStream> {
  const stream = await openEventStream(`http://127.0.0.1:${port}${viewer.incidentPath}/live`, { Cookie: viewer.cookie });
  streams.push(stream);
  expect(stream.status).toBe(200);
  await waitFor(() => stream.received().includes("event: ready"), 15_000, "the stream to open");
  return stream;
}

describe.skipIf(skipReason !== null)("two web instances on one PostgreSQL", () => {
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "hindsight-cluster-"));
    pg = await startDatabase();
    await pg.createDatabase("hindsight_cluster");
    databaseUrl = pg.url("hindsight_cluster");
    await applyMigrations({ databaseUrl });
    // This process's lib calls go to the instances' database.
    process.env.DATABASE_URL = databaseUrl;
    process.env.NEXTAUTH_SECRET = SECRET;
    const collabPort = await freePort();
    collab = { process: await spawnCollab(collabPort, { COLLAB_DEBOUNCE_MS: "200", REDIS_URL: testRedisUrl() }), port: collabPort };
    webs.push(...(await Promise.all(WEB_PORTS.map(startWeb))));
    proxy = await startRoundRobinProxy(WEB_PORTS.map((port) => ({ host: "127.0.0.1", port })), LB_PORT);
  }, 180_000);

  afterAll(async () => {
    for (const stream of streams) stream.close();
    for (const editor of editors) editor.destroy();
    await collab?.process.stop();
    await proxy?.close();
    for (const web of webs) web.child.kill("SIGKILL");
    const { db } = await lib();
    await db().$disconnect();
    await pg?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it("a timeline event reaches viewers on both instances", async () => {
    const viewer = await incidentViewer();
    const [onA, onB] = await Promise.all(WEB_PORTS.map((port) => follow(port, viewer)));
    const { addEvent } = await lib();
    await addEvent(viewer.owner.userId, { teamId: viewer.team.id, incidentId: viewer.incident.id, kind: "NOTE", body: "Seen on both instances" });
    await waitFor(() => [onA!, onB!].every((s) => s.received().includes("Seen on both instances")), 10_000, "the event on both streams");
  });

  it("a take-down and a new edition on one instance show on the other at once", async () => {
    const published = await incidentViewer();
    const [a, b] = WEB_PORTS as [number, number];
    const statuses = async () => [(await get(a, published.path)).status, (await get(b, published.path)).status];
    // Fills both instances' caches, which they would otherwise trust for five seconds: each
    // change below must show within one.
    expect([...(await statuses()), ...(await statuses())]).toEqual([200, 200, 200, 200]);
    const { revoke, publish, db } = await lib();
    const pm = { teamId: published.teamId, postmortemId: published.postmortemId };
    await revoke(published.owner.userId, pm);
    await waitFor(async () => (await statuses()).every((status) => status === 410), 1_000, "gone on both");
    expect(await statuses()).toEqual([410, 410]);
    const { contentVersion } = await db().postmortem.findUniqueOrThrow({ where: { id: pm.postmortemId } });
    await publish(published.owner.userId, { ...pm, contentVersion, title: "Published again", subtitle: "", confirmed: "on", noindex: "on" });
    await waitFor(async () => (await statuses()).every((status) => status === 200), 1_000, "back on both");
    expect(await (await get(b, published.path)).text()).toContain("Published again");
  });

  it("sign-in limits are counted across instances", async () => {
    const { createUser } = await import("../../lib/testing/factories");
    const { hashPassword } = await import("../../lib/auth/password");
    const { SIGN_IN_LIMITS } = await import("../../lib/auth/rate-limit");
    const user = await createUser({ passwordHash: await hashPassword("the-right-password-1") });
    const statuses: number[] = [];
    for (let i = 0; i <= SIGN_IN_LIMITS.perAccountAndIp.max; i++) {
      const port = WEB_PORTS[i % 2]!;
      const csrf = await get(port, "/api/auth/csrf");
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
      const attempt = await fetch(`http://127.0.0.1:${port}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
        body: new URLSearchParams({ csrfToken, email: user.email, password: `wrong-${i}`, json: "true" }),
        redirect: "manual",
      });
      statuses.push(attempt.status);
    }
    // Alternating between the instances, the attempt after the limit is refused all the same.
    expect(statuses.slice(0, -1)).not.toContain(429);
    expect(statuses.at(-1)).toBe(429);
  }, 60_000);

  it("jobs each instance asks for on start run once", async () => {
    const { db } = await lib();
    const rows = await db().$queryRaw<{ name: string; n: number; slots: number }[]>`
      SELECT name, count(*)::int AS n, count(DISTINCT singleton_on)::int AS slots FROM pgboss.job
      WHERE singleton_key = 'on-start' GROUP BY name`;
    expect(rows.map((r) => r.name).sort()).toEqual(["alert-deliveries", "review-facts-changes", "task-reminders"]);
    // Two instances started together: one job per minute slot they started in, not one per instance.
    for (const row of rows) expect(row.n).toBe(row.slots);
    expect(rows.every((r) => r.slots <= 2)).toBe(true);
  });

  it("while PostgreSQL restarts, pages say so with 503, streams and stores wait, and everything recovers by itself", async () => {
    const viewer = await incidentViewer();
    const [a, b] = WEB_PORTS as [number, number];
    const page = `/t/${viewer.team.slug}/incidents`;
    expect((await get(a, page, { Cookie: viewer.cookie, Accept: "text/html" })).status).toBe(200);
    const [onA, onB] = await Promise.all([follow(a, viewer), follow(b, viewer)]);
    const { db, isDatabaseUnreachable, toErrorBody, addEvent } = await lib();
    const { signCollabToken } = await import("../../lib/collab/token");
    const grant = { userId: viewer.owner.userId, teamId: viewer.teamId, postmortemId: viewer.postmortemId, canEdit: true };
    const editor = connectClient(`ws://127.0.0.1:${collab.port}`, SECRET, grant, { token: () => signCollabToken(grant, SECRET).token });
    editors.push(editor);
    await waitFor(() => editor.provider.isSynced, 15_000, "the editor synced");

    await pg.stop();
    await waitFor(async () => (await get(a, page, { Cookie: viewer.cookie, Accept: "text/html" })).status === 503, 10_000, "503 from A");
    const down = await get(b, page, { Cookie: viewer.cookie, Accept: "text/html" });
    expect(down.status).toBe(503);
    expect(down.headers.get("retry-after")).toBe("5");
    expect(await down.text()).toContain("Hindsight can't reach its database, retrying.");
    const api = await get(a, page, { Cookie: viewer.cookie, Accept: "application/json" });
    expect(api.status).toBe(503);
    expect(await api.json()).toEqual({ error: { code: "UNAVAILABLE", message: "Hindsight can't reach its database, retrying." } });
    await waitFor(() => [onA!, onB!].every((s) => s.received().includes('event: status\ndata: "reconnecting"')), 10_000, "streams say reconnecting");
    // A write while the database is away fails whole, and says why.
    const failure = await addEvent(viewer.owner.userId, { teamId: viewer.team.id, incidentId: viewer.incident.id, kind: "NOTE", body: "written in the outage" }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(isDatabaseUnreachable(failure)).toBe(true);
    expect(toErrorBody(failure)).toMatchObject({ code: "UNAVAILABLE", message: expect.stringContaining("can't reach its database") });
    // The collaboration server keeps what is typed meanwhile and says it is not stored yet.
    typeInto(editor.doc, "typed in the outage");
    await waitFor(() => editor.storeMessages.some((m) => m.includes("not-stored")), 10_000, "the editor told its text is not stored");
    expect(editor.storedState().stored).toBe(false);
    // An editor opening the document meanwhile is asked to come back, not told it has no access.
    const latecomer = connectClient(`ws://127.0.0.1:${collab.port}`, SECRET, grant, { token: () => signCollabToken(grant, SECRET).token });
    editors.push(latecomer);
    await waitFor(() => latecomer.closes.includes(1013), 15_000, "the latecomer asked to try later");
    expect(latecomer.authFailures).toEqual([]);

    pg = await startDatabase();
    await waitFor(async () => (await get(a, page, { Cookie: viewer.cookie, Accept: "text/html" })).status === 200, 20_000, "A back");
    await waitFor(async () => (await get(b, page, { Cookie: viewer.cookie, Accept: "text/html" })).status === 200, 20_000, "B back");
    await waitFor(() => [onA!, onB!].every((s) => s.received().includes('event: status\ndata: "live"')), 20_000, "streams live again");
    expect(await db().timelineEvent.count({ where: { incidentId: viewer.incident.id, body: "written in the outage" } })).toBe(0);
    await waitFor(() => editor.storedState().stored, 30_000, "the editor's text stored after the restart");
    await waitFor(() => latecomer.provider.isSynced && firstParagraphText(latecomer.doc).includes("typed in the outage"), 30_000, "the latecomer in");
    const { ydoc } = await db().postmortem.findUniqueOrThrow({ where: { id: viewer.postmortemId }, select: { ydoc: true } });
    const stored = new Y.Doc();
    Y.applyUpdate(stored, new Uint8Array(ydoc));
    expect(firstParagraphText(stored)).toContain("typed in the outage");
    await addEvent(viewer.owner.userId, { teamId: viewer.team.id, incidentId: viewer.incident.id, kind: "NOTE", body: "after the restart" });
    await waitFor(() => [onA!, onB!].every((s) => s.received().includes("after the restart")), 10_000, "the event after the restart");
    // The job queue works again: a job sent now is done by one of the instances.
    const boss = new PgBoss({ connectionString: databaseUrl, max: 1, schedule: false, supervise: false });
    await boss.start();
    try {
      const id = await boss.send("review-facts-changes", {});
      await waitFor(async () => (await boss.getJobById("review-facts-changes", id!))?.state === "completed", 30_000, "a job done after the restart");
    } finally {
      await boss.stop({ graceful: false });
    }
  }, 120_000);

  it("SIGTERM finishes requests in flight, tells streams to reconnect elsewhere, and the other instance carries on", async () => {
    const viewer = await incidentViewer();
    const b = webs[1]!;
    const onB = await follow(b.port, viewer);
    const inFlight = get(b.port, `/t/${viewer.team.slug}/incidents`, { Cookie: viewer.cookie, Accept: "text/html" });
    await new Promise((resolve) => setTimeout(resolve, 20));
    b.child.kill("SIGTERM");
    expect((await inFlight).status).toBe(200);
    await waitFor(() => onB.ended(), 10_000, "the stream on B to end");
    expect(onB.received()).toContain('event: status\ndata: "reconnecting"');
    expect(await b.exited).toBe(0);
    // Through the proxy, which skips the stopped instance, everything still answers.
    for (let i = 0; i < 4; i++) expect((await get(LB_PORT, `/t/${viewer.team.slug}/incidents`, { Cookie: viewer.cookie })).status).toBe(200);
    const resumed = await follow(LB_PORT, viewer);
    expect(resumed.status).toBe(200);
  }, 60_000);
  it("a killed instance loses nothing: its viewers reconnect through the balancer and catch up on what they missed", async () => {
    webs[1] = await startWeb(WEB_PORTS[1]!);
    const viewer = await incidentViewer();
    const a = webs[0]!;
    const onA = await follow(a.port, viewer);
    const { addEvent } = await lib();
    const base = { teamId: viewer.team.id, incidentId: viewer.incident.id, kind: "NOTE" };
    await addEvent(viewer.owner.userId, { ...base, body: "before the kill" });
    await waitFor(() => onA.received().includes("before the kill"), 10_000, "the first event");
    const cursor = [...onA.received().matchAll(/^id: (\d+)$/gm)].at(-1)?.[1];
    expect(cursor).toBeDefined();
    a.child.kill("SIGKILL");
    await waitFor(() => onA.ended(), 10_000, "the stream cut");
    await addEvent(viewer.owner.userId, { ...base, body: "while nobody was connected" });
    // As EventSource does: reconnect to the same address (the balancer) with the last event id.
    const resumed = await openEventStream(`http://127.0.0.1:${LB_PORT}${viewer.incidentPath}/live`, { Cookie: viewer.cookie, "Last-Event-ID": cursor! });
    streams.push(resumed);
    expect(resumed.status).toBe(200);
    await waitFor(() => resumed.received().includes("while nobody was connected"), 10_000, "the missed event");
    expect((await get(LB_PORT, `/t/${viewer.team.slug}/incidents`, { Cookie: viewer.cookie })).status).toBe(200);
  }, 90_000);
});
