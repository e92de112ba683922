import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { connectClient, typeInto, waitFor } from "@/lib/collab/testing/client";
import { freePort } from "@/lib/collab/testing/collab-process";
import { postmortemForTest } from "@/lib/collab/testing/postmortem";
import { db } from "@/lib/db";
import { DEMO_LOGIN } from "../db-seed";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { runSql } from "./run-sql";

const secret = process.env.NEXTAUTH_SECRET ?? "";
const home = mkdtempSync(path.join(tmpdir(), "hindsight-stop-order-"));
const dataDir = path.join(home, "pg");
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** The app (embedded database, supervisor, collaboration server) in a process group of its own, as a terminal runs `npm start`. */
async function startApp(collabPort: number) {
  let output = "";
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const app = spawn(process.execPath, ["--import", "tsx", "scripts/lib/testing/app-without-web.ts", dataDir, String(collabPort)], {
    env: { ...env, COLLAB_DEBOUNCE_MS: "60000" },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exit = new Promise<number | null>((resolve) => app.once("exit", (code) => resolve(code)));
  const ready = await new Promise<{ databaseUrl: string }>((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split("\n").find((l) => l.startsWith("READY "));
      if (line) resolve(JSON.parse(line.slice(6)) as { databaseUrl: string });
    };
    app.stdout.on("data", collect);
    app.stderr.on("data", collect);
    void exit.then((code) => reject(new Error(`the app exited with ${code}:\n${output}`)));
  });
  return { app, exit, databaseUrl: ready.databaseUrl, output: () => output };
}

async function demoGrant(databaseUrl: string) {
  const [row] = await runSql<{ userId: string; teamId: string; postmortemId: string }>(
    databaseUrl,
    `SELECT u.id AS "userId", p."teamId", p.id AS "postmortemId" FROM "User" u, "Postmortem" p WHERE u.email = '${DEMO_LOGIN.email}' LIMIT 1`,
  );
  if (!row) throw new Error("no demo postmortem");
  return { ...row, canEdit: true };
}

/** What PostgreSQL holds, read after the app has stopped, from the same data folder. */
async function storedMarkdown(postmortemId: string): Promise<string> {
  const server = await startEmbeddedPostgres({ dataDir });
  try {
    const [row] = await runSql<{ markdown: string }>(server.url("hindsight"), `SELECT markdown FROM "Postmortem" WHERE id = '${postmortemId}'`);
    return row?.markdown ?? "";
  } finally {
    await server.stop();
  }
}

/** Types, waits until the server has the change (not until it is stored: the app would store it a minute later), then stops the app at once. */
async function typeThenStop(stop: (app: { pid: number }) => void, text: string) {
  const port = await freePort();
  const started = await startApp(port);
  const grant = await demoGrant(started.databaseUrl);
  const editor = connectClient(`ws://127.0.0.1:${port}`, secret, grant);
  try {
    await waitFor(() => editor.provider.isSynced, 20_000, "sync");
    typeInto(editor.doc, text);
    // The stop follows the server's acknowledgement at once (a round trip after typing, well
    // under 300 ms on an idle machine); the one-minute debounce has stored nothing by then.
    await waitFor(() => !editor.provider.hasUnsyncedChanges, 5000, "sent");
    stop({ pid: started.app.pid! });
    expect(await started.exit).toBe(0);
  } finally {
    editor.destroy();
  }
  expect(existsSync(path.join(dataDir, "postmaster.pid")), started.output()).toBe(false);
  return { postmortemId: grant.postmortemId, output: started.output() };
}

describe("stopping `npm start`", () => {
  it("Ctrl-C in the terminal (SIGINT to the whole process group) right after typing: the text is stored before PostgreSQL stops", async () => {
    const { postmortemId, output } = await typeThenStop(({ pid }) => process.kill(-pid, "SIGINT"), "typed just before Ctrl-C");
    expect(await storedMarkdown(postmortemId), output).toContain("typed just before Ctrl-C");
  }, 90_000);

  it("SIGTERM to the app alone: it stops the collaboration server (which stores) and only then PostgreSQL", async () => {
    const { postmortemId, output } = await typeThenStop(({ pid }) => process.kill(pid, "SIGTERM"), "typed just before SIGTERM");
    expect(await storedMarkdown(postmortemId), output).toContain("typed just before SIGTERM");
  }, 60_000);

  it("SIGINT to the npm process itself (not its group) reaches the server, which stores before npm exits", async () => {
    const { owner, postmortemId, grant } = await postmortemForTest();
    const port = await freePort();
    let output = "";
    const npm = spawn("npm", ["run", "collab"], { env: { ...process.env, COLLAB_PORT: String(port), COLLAB_DEBOUNCE_MS: "60000" }, stdio: ["ignore", "pipe", "pipe"] });
    npm.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    npm.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exit = new Promise<number | null>((resolve) => npm.once("exit", (code, signal) => resolve(code ?? (signal ? 128 : null))));
    const editor = connectClient(`ws://127.0.0.1:${port}`, secret, grant(owner.userId));
    try {
      await waitFor(() => editor.provider.isSynced, 30_000, "sync");
      typeInto(editor.doc, "typed before npm got SIGINT");
      await waitFor(() => !editor.provider.hasUnsyncedChanges, 5000, "sent");
      npm.kill("SIGINT");
      const exited = await Promise.race([exit.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 15_000))]);
      expect(exited, output).toBe(true);
    } finally {
      editor.destroy();
      npm.kill("SIGKILL");
    }
    const row = await db().postmortem.findUniqueOrThrow({ where: { id: postmortemId }, select: { markdown: true } });
    expect(row.markdown, output).toContain("typed before npm got SIGINT");
  }, 60_000);
});
