import { spawn } from "node:child_process";
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createThrowawayDatabase, type ThrowawayDatabase } from "./lib/throwaway-database";
import { pgTool, serverMajorVersion, toolMajorVersion } from "./lib/pg-tools";

const serverUrl = process.env.TEST_SERVER_URL ?? process.env.DATABASE_URL ?? "";
const databases: ThrowawayDatabase[] = [];

/** pg_dump must be at least the server's version; the embedded server (18) has no client programs, Debian's are 15. */
async function whyNoTools(): Promise<string | null> {
  const tool = toolMajorVersion(process.env.PG_DUMP || "pg_dump");
  if (tool === null) return "no pg_dump on this machine (apt-get install postgresql-client)";
  const server = await serverMajorVersion(serverUrl);
  return tool < server ? `pg_dump ${tool} cannot dump the PostgreSQL ${server} test server` : null;
}
const skipReason = await whyNoTools();

function npmRun(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    let output = "";
    const child = spawn("npm", ["run", "--silent", ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => resolve({ code, output }));
  });
}

async function query<Row extends Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Every table of the app's schema: its row count and a hash of all its rows, in a stable order. */
async function fingerprint(url: string): Promise<Record<string, { rows: number; hash: string }>> {
  const tables = await query<{ tablename: string }>(url, `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
  const result: Record<string, { rows: number; hash: string }> = {};
  for (const { tablename } of tables) {
    const [row] = await query<{ rows: number; hash: string }>(
      url,
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS hash FROM "${tablename}" t`,
    );
    if (row) result[tablename] = row;
  }
  return result;
}

/** Indexes, triggers and functions: what a restore must bring back besides rows. */
async function schemaObjects(url: string): Promise<string[]> {
  const rows = await query<{ name: string }>(
    url,
    `
    SELECT 'index ' || indexname AS name FROM pg_indexes WHERE schemaname = 'public'
    UNION ALL SELECT 'trigger ' || tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND NOT t.tgisinternal
    UNION ALL SELECT 'function ' || proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
    ORDER BY 1`);
  return rows.map((row) => row.name);
}

afterAll(async () => {
  for (const database of databases) await database.drop();
});

describe.skipIf(skipReason !== null)(`npm run backup / npm run restore${skipReason ? ` (skipped: ${skipReason})` : ""}`, () => {
  let source: ThrowawayDatabase;

  beforeAll(async () => {
    source = await createThrowawayDatabase(serverUrl, "hindsight_ops_backup");
    databases.push(source);
    await query(source.url, `
      INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES
        ('u1', 'ana@example.test', 'Ana Ñúñez 🚒', 'scrypt$abc', now()), ('u2', 'bo@example.test', 'Bo', NULL, now());
      INSERT INTO "Team" (id, slug, name, "timeZone", "updatedAt", "incidentSeq") VALUES ('t1', 'ops', 'Ops', 'Europe/Berlin', now(), 2);
      INSERT INTO "Membership" (id, "teamId", "userId", role, "updatedAt") VALUES ('m1', 't1', 'u1', 'OWNER', now()), ('m2', 't1', 'u2', 'MEMBER', now());
      INSERT INTO "Incident" (id, "teamId", number, title, summary, "timeZone", "startedAt", "updatedAt") VALUES
        ('i1', 't1', 1, 'Checkout down', E'Line one\\nline "two" \\\\ tab\\tend', 'Europe/Berlin', '2026-03-29 00:59:59.123+00', now()),
        ('i2', 't1', 2, 'Löschung — 削除', '', 'Asia/Tokyo', '2026-11-01 12:00:00+00', now());
    `);
  });

  it("round-trips into a fresh database: same rows in every table, same indexes, triggers, functions and migration history", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "hindsight-ops-backup-")), "hindsight.dump");
    const backup = await npmRun(["backup", "--", "--out", file], { DATABASE_URL: source.url });
    expect(backup.code, backup.output).toBe(0);
    expect(backup.output).not.toContain(new URL(source.url).password || "no-password-in-url");
    expect(statSync(file).size).toBeGreaterThan(1000);

    const target = await createThrowawayDatabase(serverUrl, "hindsight_ops_restore", { migrate: false });
    databases.push(target);
    const restore = await npmRun(["restore", "--", file], { DATABASE_URL: target.url });
    expect(restore.code, restore.output).toBe(0);

    const [before, after] = await Promise.all([fingerprint(source.url), fingerprint(target.url)]);
    expect(Object.keys(after).length).toBeGreaterThan(20);
    expect(after).toEqual(before);
    expect(after.Incident?.rows).toBe(2);
    expect(after._prisma_migrations?.rows).toBeGreaterThan(0);
    expect(await schemaObjects(target.url)).toEqual(await schemaObjects(source.url));
    // Sequences and triggers work after the restore: the full-text column is filled by a trigger.
    const [found] = await query<{ id: string }>(target.url, `SELECT id FROM "Incident" WHERE search @@ plainto_tsquery('simple', 'checkout')`);
    expect(found?.id).toBe("i1");

    // A second restore into the now non-empty database is refused unless told to replace it.
    const again = await npmRun(["restore", "--", file], { DATABASE_URL: target.url });
    expect(again.code).toBe(1);
    expect(again.output).toContain("--replace");
    await query(target.url, `DELETE FROM "Incident" WHERE id = 'i2'`);
    const replaced = await npmRun(["restore", "--", file, "--replace"], { DATABASE_URL: target.url });
    expect(replaced.code, replaced.output).toBe(0);
    expect(await fingerprint(target.url)).toEqual(before);
  }, 120_000);

  it("refuses a pg_dump older than the server, naming the versions", async () => {
    const fake = path.join(mkdtempSync(path.join(tmpdir(), "hindsight-ops-pgdump-")), "pg_dump");
    const { writeFileSync, chmodSync } = await import("node:fs");
    writeFileSync(fake, "#!/bin/sh\necho 'pg_dump (PostgreSQL) 9.6.24'\n");
    chmodSync(fake, 0o755);
    process.env.PG_DUMP = fake;
    try {
      await expect(pgTool("pg_dump", source.url)).rejects.toThrow(/version 9, older than the PostgreSQL \d+ server/);
    } finally {
      delete process.env.PG_DUMP;
    }
  });
});
