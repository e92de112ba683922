import { parseArgs } from "node:util";
import { redactPassword } from "./lib/database-url";
import { backupDatabase, PgToolError } from "./lib/pg-tools";

/**
 * `npm run backup -- [--out file]`: a pg_dump archive (custom format) of DATABASE_URL's app schema.
 * Restore it with `npm run restore -- file`.
 */
const { values } = parseArgs({ options: { out: { type: "string" } } });
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("Usage: DATABASE_URL=… npm run backup -- [--out hindsight.dump]");
  process.exit(1);
}
const file = values.out ?? `hindsight-${new Date().toISOString().replace(/[:.]/g, "-")}.dump`;
try {
  await backupDatabase(databaseUrl, file);
  console.log(`Backed up ${redactPassword(databaseUrl)} to ${file}.`);
} catch (error) {
  console.error(error instanceof PgToolError ? error.message : `Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
