import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import pg from "pg";
import { ArchiveError, unpackArchive } from "../lib/team-transfer/archive";
import { importTeam } from "../lib/team-transfer/import";

/**
 * `npm run team:import -- <file> [--slug new-address] [--refuse-missing-users]`: imports a team
 * archive into DATABASE_URL in one transaction. People are matched by e-mail; those with no
 * account here become disabled placeholder accounts unless --refuse-missing-users is given.
 */
const { values, positionals } = parseArgs({ allowPositionals: true, options: { slug: { type: "string" }, "refuse-missing-users": { type: "boolean" } } });
const databaseUrl = process.env.DATABASE_URL;
const file = positionals[0];
if (!databaseUrl || !file) {
  console.error("Usage: DATABASE_URL=… npm run team:import -- <file> [--slug new-address] [--refuse-missing-users]");
  process.exit(1);
}
const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
try {
  const result = await importTeam(client, unpackArchive(readFileSync(file)), { slug: values.slug, missingUsers: values["refuse-missing-users"] ? "refuse" : "placeholder" });
  console.log(`Imported team "${result.slug}" (${result.rows} rows).`);
  if (result.placeholders.length) {
    console.log(`Created disabled accounts for people with none here: ${result.placeholders.join(", ")}. Enable one with npm run user:disable -- <email> --enable.`);
  }
} catch (error) {
  console.error(error instanceof ArchiveError ? error.message : `Import failed, nothing was imported: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await client.end();
}
