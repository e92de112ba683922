import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runSql } from "./run-sql";
import { applyMigrations, checksum, MIGRATIONS_DIR } from "./migrate";
import { readMigrationsList } from "./migrations-list";
import { NO_FILTERS, openSchemaEngine } from "./schema-engine";
import { createThrowawayDatabase, type ThrowawayDatabase } from "./throwaway-database";

const created: ThrowawayDatabase[] = [];
const folders: string[] = [];
afterAll(async () => {
  for (const database of created) await database.drop();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** An empty database (no migrations applied) to run the runner against. */
async function emptyDatabase(): Promise<string> {
  const database = await createThrowawayDatabase(process.env.TEST_SERVER_URL!, "hindsight_migrate", { migrate: false });
  created.push(database);
  return database.url;
}

type MigrationRow = { migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number; logs: string | null };

const rows = (url: string) =>
  runSql<MigrationRow>(url, `SELECT migration_name, checksum, finished_at, applied_steps_count, logs FROM "_prisma_migrations" ORDER BY started_at`);

function folderWith(migrations: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "hindsight-migrations-"));
  folders.push(dir);
  for (const [name, sql] of Object.entries(migrations)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe("the migration runner", () => {
  it("applies every migration once, recording them as Prisma does", async () => {
    const url = await emptyDatabase();
    const first = await applyMigrations({ databaseUrl: url });
    expect(first.length).toBeGreaterThan(0);
    expect(await applyMigrations({ databaseUrl: url })).toEqual([]);
    const recorded = await rows(url);
    expect(recorded.map((r) => r.migration_name)).toEqual(first);
    expect(recorded.every((r) => r.finished_at && r.applied_steps_count === 1 && /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
  });

  it("lets two instances start at once without applying anything twice", async () => {
    const url = await emptyDatabase();
    const [a, b] = await Promise.all([applyMigrations({ databaseUrl: url }), applyMigrations({ databaseUrl: url })]);
    expect([...a, ...b].sort()).toEqual((await rows(url)).map((r) => r.migration_name).sort());
  });

  it("stops on a migration edited after it was applied", async () => {
    const url = await emptyDatabase();
    const dir = folderWith({ "20240101000000_a": "CREATE TABLE a (id int);" });
    await applyMigrations({ databaseUrl: url, migrationsDir: dir });
    writeFileSync(path.join(dir, "20240101000000_a", "migration.sql"), "CREATE TABLE a (id bigint);");
    await expect(applyMigrations({ databaseUrl: url, migrationsDir: dir })).rejects.toThrow(/20240101000000_a was edited after it was applied/);
  });

  it("records a failed migration and refuses to continue until it is resolved", async () => {
    const url = await emptyDatabase();
    const dir = folderWith({ "20240101000000_ok": "CREATE TABLE ok (id int);", "20240102000000_bad": "CREATE TABLE ok (id int);", "20240103000000_later": "CREATE TABLE later (id int);" });
    await expect(applyMigrations({ databaseUrl: url, migrationsDir: dir })).rejects.toThrow(/20240102000000_bad failed: .*already exists/);
    const recorded = await rows(url);
    expect(recorded.map((r) => [r.migration_name, Boolean(r.finished_at)])).toEqual([
      ["20240101000000_ok", true],
      ["20240102000000_bad", false],
    ]);
    expect(recorded[1]?.logs).toMatch(/already exists/);
    await expect(applyMigrations({ databaseUrl: url, migrationsDir: dir })).rejects.toThrow(/P3009/);
  });

  it("accepts a file whose line endings changed (as Prisma does)", async () => {
    const url = await emptyDatabase();
    const dir = folderWith({ "20240101000000_a": "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n" });
    await applyMigrations({ databaseUrl: url, migrationsDir: dir });
    writeFileSync(path.join(dir, "20240101000000_a", "migration.sql"), "CREATE TABLE a (id int);\r\nCREATE TABLE b (id int);\r\n");
    expect(await applyMigrations({ databaseUrl: url, migrationsDir: dir })).toEqual([]);
  });

  it("leaves a history Prisma's own engine sees as applied, unedited and without drift", async () => {
    const url = await emptyDatabase();
    await applyMigrations({ databaseUrl: url });
    const { engine, close } = await openSchemaEngine({ databaseUrl: url, schemaPath: path.resolve("prisma/schema.prisma") });
    try {
      const diagnosis = await engine.diagnoseMigrationHistory({ migrationsList: readMigrationsList(MIGRATIONS_DIR), optInToShadowDatabase: true, filters: NO_FILTERS });
      expect(diagnosis).toMatchObject({ editedMigrationNames: [], failedMigrationNames: [], hasMigrationsTable: true, history: null });
    } finally {
      await close();
    }
  });

  it("applies again a migration marked rolled back (`prisma migrate resolve --rolled-back`)", async () => {
    const url = await emptyDatabase();
    const dir = folderWith({ "20240101000000_a": "CREATE TABLE a (id int);", "20240102000000_b": "CREATE TABLE a (id int);" });
    await expect(applyMigrations({ databaseUrl: url, migrationsDir: dir })).rejects.toThrow(/20240102000000_b failed/);
    await runSql(url, `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '20240102000000_b'`);
    writeFileSync(path.join(dir, "20240102000000_b", "migration.sql"), "CREATE TABLE b (id int);");
    expect(await applyMigrations({ databaseUrl: url, migrationsDir: dir })).toEqual(["20240102000000_b"]);
  });

  it("runs a whole file as one script: dollar-quoted bodies with semicolons, and all or nothing", async () => {
    const url = await emptyDatabase();
    const fn = `CREATE FUNCTION twice(x int) RETURNS int AS $$ BEGIN RETURN x * 2; END; $$ LANGUAGE plpgsql;`;
    const dir = folderWith({ "20240101000000_fn": `${fn}\nCREATE TABLE t (id int);\n`, "20240102000000_half": "CREATE TABLE half (id int);\nSELECT 1/0;" });
    await expect(applyMigrations({ databaseUrl: url, migrationsDir: dir })).rejects.toThrow(/20240102000000_half failed: division by zero/);
    expect(await runSql(url, "SELECT twice(21) AS v")).toEqual([{ v: 42 }]);
    expect(await runSql(url, "SELECT to_regclass('half') AS t")).toEqual([{ t: null }]);
  });

  it("uses Prisma's checksum: the lowercase hex SHA-256 of the file", () => {
    expect(checksum("SELECT 1;")).toBe("17db4fd369edb9244b9f91d9aeed145c3d04ad8ba6e95d06247f07a63527d11a");
  });
});
