import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedServer } from "./embedded-postgres";
import { unreachableAncestor } from "./postgres-binaries";
import { PROJECT_ROOT, inProject } from "./project-root";

const PROJECT_DATA_DIR = inProject(".hindsight", "test-pg");

/**
 * Test data is disposable, so when root's postgres user cannot reach the project (a clone under
 * a 700 folder) it lives under the temp folder instead of failing.
 */
function testDataDir(): string {
  if (process.getuid?.() !== 0 || !unreachableAncestor(PROJECT_ROOT)) return PROJECT_DATA_DIR;
  const key = createHash("sha256").update(PROJECT_ROOT).digest("hex").slice(0, 8);
  return path.join(tmpdir(), `hindsight-${key}`, "test-pg");
}

/**
 * The PostgreSQL server tests create their databases on: TEST_SERVER_URL or DATABASE_URL when
 * set (only CREATE/DROP DATABASE is done there), otherwise an embedded server in .hindsight/test-pg.
 */
export async function testServer(): Promise<{ url: string; embedded: EmbeddedServer | null }> {
  const given = process.env.TEST_SERVER_URL ?? process.env.DATABASE_URL;
  if (given) return { url: given, embedded: null };
  const embedded = await startEmbeddedPostgres({ dataDir: testDataDir(), log: (line) => console.log(line) });
  return { url: embedded.url("postgres"), embedded };
}
