import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedServer } from "./embedded-postgres";

/**
 * The PostgreSQL server tests create their databases on: TEST_SERVER_URL or DATABASE_URL when
 * set (only CREATE/DROP DATABASE is done there), otherwise an embedded server in .hindsight/test-pg.
 */
export async function testServer(): Promise<{ url: string; embedded: EmbeddedServer | null }> {
  const given = process.env.TEST_SERVER_URL ?? process.env.DATABASE_URL;
  if (given) return { url: given, embedded: null };
  const embedded = await startEmbeddedPostgres({ dataDir: path.resolve(".hindsight/test-pg"), log: (line) => console.log(line) });
  return { url: embedded.url("postgres"), embedded };
}
