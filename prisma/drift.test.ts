import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_DIR } from "@/scripts/lib/migrate";
import { readMigrationsList } from "@/scripts/lib/migrations-list";
import { NO_FILTERS, openSchemaEngine } from "@/scripts/lib/schema-engine";

const SCHEMA = path.resolve("prisma/schema.prisma");

/** The schema engine's diff from the migrations folder (replayed on a shadow database) to a schema. */
async function driftAgainst(schemaPath: string) {
  const { engine, close } = await openSchemaEngine({ databaseUrl: process.env.TEST_SERVER_URL!, schemaPath });
  try {
    const result = await engine.diff({
      from: { tag: "migrations", ...readMigrationsList(MIGRATIONS_DIR) },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: readFileSync(schemaPath, "utf8") }] },
      script: true,
      exitCode: true,
      filters: NO_FILTERS,
    });
    return { changed: result.exitCode === 2, script: result.stdout ?? "" };
  } finally {
    await close();
  }
}

describe("schema drift", () => {
  it("schema.prisma and the migrations agree (otherwise run `npm run db:migrate:dev -- --name …`)", async () => {
    const drift = await driftAgainst(SCHEMA);
    expect(drift.script.trim()).toBe("-- This is an empty migration.");
    expect(drift.changed).toBe(false);
  });

  it("notices a model added to the schema without a migration", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "hindsight-drift-"));
    const copy = path.join(dir, "schema.prisma");
    writeFileSync(copy, `${readFileSync(SCHEMA, "utf8")}\nmodel DriftTestProbe {\n  id String @id\n}\n`);
    try {
      const drift = await driftAgainst(copy);
      expect(drift.changed).toBe(true);
      expect(drift.script).toContain('CREATE TABLE "DriftTestProbe"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
