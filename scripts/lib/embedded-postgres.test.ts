import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { unreachableAncestor } from "./postgres-binaries";
import { runSql } from "./run-sql";
import { applyMigrations } from "./migrate";

function postmasterPid(dataDir: string): number {
  return Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
}

async function waitUntilGone(pid: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`process ${pid} is still running`);
}

// A fresh mkdtemp folder is 700: as root this also checks that the parent is opened up for the postgres user.
const parent = mkdtempSync(path.join(tmpdir(), "hindsight-embedded-"));
const dataDir = path.join(parent, "pg");
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe("the embedded PostgreSQL a fresh machine runs on", () => {
  it("starts, migrates, keeps its data across a restart and a crash, and stops", async () => {
    const first = await startEmbeddedPostgres({ dataDir });
    try {
      await first.createDatabase("hindsight");
      expect(await applyMigrations({ databaseUrl: first.url("hindsight") })).not.toEqual([]);
      await runSql(first.url("hindsight"), `INSERT INTO "Team" (id, slug, name, "updatedAt") VALUES ('t1', 'kept', 'Kept', now())`);
      expect(await runSql(first.url("hindsight"), "SHOW server_encoding")).toEqual([{ server_encoding: "UTF8" }]);
    } finally {
      await first.stop();
    }

    const second = await startEmbeddedPostgres({ dataDir });
    const pid = postmasterPid(dataDir);
    expect(await applyMigrations({ databaseUrl: second.url("hindsight") })).toEqual([]);
    expect(await runSql(second.url("hindsight"), `SELECT slug FROM "Team"`)).toEqual([{ slug: "kept" }]);
    // A crash leaves postmaster.pid behind.
    process.kill(pid, "SIGKILL");
    await waitUntilGone(pid);
    await second.stop();

    const third = await startEmbeddedPostgres({ dataDir });
    try {
      expect(await runSql(third.url("hindsight"), `SELECT slug FROM "Team"`)).toEqual([{ slug: "kept" }]);
    } finally {
      await third.stop();
    }
  }, 120_000);

  it("joins a server another process already runs on the same data instead of starting it twice", async () => {
    const owner = await startEmbeddedPostgres({ dataDir });
    try {
      const joined = await startEmbeddedPostgres({ dataDir });
      expect(joined.port).toBe(owner.port);
      await joined.stop();
      expect(await runSql(owner.url("postgres"), "SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
    } finally {
      await owner.stop();
    }
  }, 60_000);

  it("runs the server in a process group of its own, so a Ctrl-C in the terminal does not reach it before the app has stored its work", async () => {
    const server = await startEmbeddedPostgres({ dataDir });
    try {
      const pid = postmasterPid(dataDir);
      const group = (of: number) => Number(readFileSync(`/proc/${of}/stat`, "utf8").split(") ")[1]?.split(" ")[2]);
      expect(group(pid)).toBe(pid);
      expect(group(pid)).not.toBe(group(process.pid));
    } finally {
      await server.stop();
    }
  }, 60_000);

  it("names the folder the postgres user cannot enter", () => {
    const closed = mkdtempSync(path.join(tmpdir(), "hindsight-closed-"));
    try {
      expect(unreachableAncestor(path.join(closed, "a", "pg"))).toBe(closed);
      expect(unreachableAncestor(tmpdir())).toBeNull();
    } finally {
      rmSync(closed, { recursive: true, force: true });
    }
  });
});
