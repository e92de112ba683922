import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { applyMigrations } from "./migrate";

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("the embedded PostgreSQL a fresh machine runs on", () => {
  it("starts, migrates, keeps its data across a restart, and stops", async () => {
    // Inside the project (like .hindsight/), where the postgres user can reach it when run as root.
    mkdirSync(path.resolve(".hindsight"), { recursive: true });
    const parent = mkdtempSync(path.resolve(".hindsight/embedded-test-"));
    chmodSync(parent, 0o755);
    const dataDir = path.join(parent, "pg");
    const first = await startEmbeddedPostgres({ dataDir });
    await first.createDatabase("hindsight");
    const applied = await applyMigrations({ databaseUrl: first.url("hindsight") });
    expect(applied.length).toBeGreaterThan(0);
    await query(first.url("hindsight"), `INSERT INTO "Team" (id, slug, name, "updatedAt") VALUES ('t1', 'kept-across-restart', 'Kept', now())`);
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir });
    try {
      expect(await applyMigrations({ databaseUrl: second.url("hindsight") })).toEqual([]);
      const rows = await query(second.url("hindsight"), `SELECT slug FROM "Team"`);
      expect(rows).toEqual([{ slug: "kept-across-restart" }]);
    } finally {
      await second.stop();
      rmSync(parent, { recursive: true, force: true });
    }
  }, 120_000);
});
