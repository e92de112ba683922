import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as ready } from "@/app/api/ready/route";
import { checkCollab, checkDatabase, checkMigrations, type RunQuery } from "@/lib/observability/readiness";

const MIGRATIONS = path.join(process.cwd(), "prisma", "migrations");
const COLLAB_TEST_PORT = 1370;

let client: pg.Client;
let query: RunQuery;

beforeAll(async () => {
  client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  query = async (sql) => (await client.query(sql)).rows as Record<string, unknown>[];
});
afterAll(() => client.end());

function listen(handler: http.RequestListener, port = 0): Promise<http.Server> {
  const server = http.createServer(handler);
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

describe("readiness checks", () => {
  it("finds the migrated test database ready and current", async () => {
    expect(await checkDatabase(query)).toMatchObject({ status: "ok" });
    expect(await checkMigrations(query, MIGRATIONS)).toMatchObject({ status: "ok" });
  });

  it("names the migrations this code ships that the database lacks", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "hindsight-ops-migrations-"));
    cpSync(MIGRATIONS, dir, { recursive: true });
    mkdirSync(path.join(dir, "99990101000000_from_the_future"));
    writeFileSync(path.join(dir, "99990101000000_from_the_future", "migration.sql"), "SELECT 1;");
    expect(await checkMigrations(query, dir)).toMatchObject({ status: "fail", pending: ["99990101000000_from_the_future"] });
  });

  it("fails a database that does not answer, without echoing its address", async () => {
    const nowhere = new pg.Client({ connectionString: "postgresql://postgres@127.0.0.1:5479/postgres", connectionTimeoutMillis: 1000 });
    const result = await checkDatabase(async (sql) => {
      await nowhere.connect();
      return (await nowhere.query(sql)).rows as Record<string, unknown>[];
    });
    expect(result).toMatchObject({ status: "fail", message: "ECONNREFUSED" });
  });

  it("gives up on a check that hangs", async () => {
    const result = await checkDatabase(() => new Promise(() => undefined), 100);
    expect(result).toMatchObject({ status: "fail", message: "no answer within 100 ms" });
  });

  it("checks the collaboration server's health endpoint", async () => {
    const server = await listen((request, response) => {
      response.writeHead(request.url === "/healthz" ? 200 : 404).end("{}");
    });
    const { port } = server.address() as AddressInfo;
    expect(await checkCollab(`http://127.0.0.1:${port}/healthz`)).toMatchObject({ status: "ok" });
    expect(await checkCollab(`http://127.0.0.1:${port}/other`)).toMatchObject({ status: "fail", message: "HTTP 404" });
    await new Promise((resolve) => server.close(resolve));
    expect(await checkCollab(`http://127.0.0.1:${port}/healthz`)).toMatchObject({ status: "fail" });
  });
});

describe("/api/health and /api/ready", () => {
  it("answers liveness without a database", async () => {
    const response = health();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok" });
  });

  it("is not ready without its collaboration server, and ready with it", async () => {
    process.env.COLLAB_PORT = String(COLLAB_TEST_PORT);
    const down = await ready();
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: "fail", checks: { database: { status: "ok" }, migrations: { status: "ok" }, collab: { status: "fail" } } });

    const collab = await listen((_request, response) => response.writeHead(200).end("{}"), COLLAB_TEST_PORT);
    try {
      const up = await ready();
      expect(up.status).toBe(200);
      expect(up.headers.get("cache-control")).toBe("no-store");
      expect(await up.json()).toMatchObject({ status: "ok", checks: { database: { status: "ok" }, migrations: { status: "ok" }, collab: { status: "ok" } } });
    } finally {
      await new Promise((resolve) => collab.close(resolve));
    }
  });
});
