import type { TestProject } from "vitest/node";
import { createThrowawayDatabase } from "./throwaway-database";
import { testServer } from "./test-server";

const TEST_SECRET = "vitest-secret-vitest-secret-vitest-secret";

/**
 * One fresh database per test run, migrated from scratch with our runner and dropped afterwards.
 * Workers start after this runs and inherit its environment, so `lib/env.ts` sees the test
 * database as DATABASE_URL; it is also provided as `inject("databaseUrl")`. TEST_SERVER_URL
 * names the server, for tests that need databases of their own.
 */
export default async function setup(project: TestProject) {
  const server = await testServer();
  const database = await createThrowawayDatabase(server.url, "hindsight_test");
  process.env.TEST_SERVER_URL = server.url;
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET = TEST_SECRET;
  project.provide("databaseUrl", database.url);
  return async () => {
    await database.drop();
    await server.embedded?.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
