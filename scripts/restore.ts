import { parseArgs } from "node:util";
import { redactPassword } from "./lib/database-url";
import { PgToolError, restoreDatabase } from "./lib/pg-tools";

/**
 * `npm run restore -- file [--replace]`: restores a `npm run backup` archive into DATABASE_URL, in
 * one transaction. The database must be empty unless --replace is given. Stop the app first.
 */
const { values, positionals } = parseArgs({ allowPositionals: true, options: { replace: { type: "boolean" } } });
const databaseUrl = process.env.DATABASE_URL;
const file = positionals[0];
if (!databaseUrl || !file) {
  console.error("Usage: DATABASE_URL=… npm run restore -- hindsight.dump [--replace]");
  process.exit(1);
}
try {
  await restoreDatabase(databaseUrl, file, { replace: values.replace });
  console.log(`Restored ${file} into ${redactPassword(databaseUrl)}.`);
} catch (error) {
  console.error(error instanceof PgToolError ? error.message : `Restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
