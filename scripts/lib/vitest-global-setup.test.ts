import { inject, describe, expect, it } from "vitest";
import { runSql } from "./run-sql";

describe("the database every test file gets", () => {
  it("reaches the workers through the environment, as lib/env.ts reads it", async () => {
    const url = process.env.DATABASE_URL;
    expect(url).toBe(inject("databaseUrl"));
    expect(new URL(url!).pathname).toMatch(/^\/hindsight_test_[0-9a-f]+$/);
    expect(process.env.NEXTAUTH_SECRET?.length).toBeGreaterThanOrEqual(32);
  });

  it("is migrated", async () => {
    const rows = await runSql<{ n: number }>(process.env.DATABASE_URL!, `SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`);
    expect(rows[0]?.n).toBeGreaterThan(0);
  });
});
