import type { TestProject } from "vitest/node";
import { createThrowawayDatabase } from "./throwaway-database";
import { testServer } from "./test-server";

/**
 * One fresh, migrated database per test run, dropped afterwards. Workers inherit its URL
 * through the environment, set here before they start.
 */
export default async function setup(project: TestProject) {
  const server = await testServer();
  const database = await createThrowawayDatabase(server.url, "hindsight_test");
  process.env.TEST_SERVER_URL = server.url;
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET ??= "vitest-secret-vitest-secret-vitest-secret";
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
