import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import pg from "pg";
import { ArchiveError, packArchive } from "../lib/team-transfer/archive";
import { exportTeam } from "../lib/team-transfer/export";

/** `npm run team:export -- --team <slug> --out <file>`: one archive of everything the team owns (see README, "Backups and moving a team"). */
const { values } = parseArgs({ options: { team: { type: "string" }, out: { type: "string" } } });
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl || !values.team) {
  console.error("Usage: DATABASE_URL=… npm run team:export -- --team <slug> [--out team.hindsight.json.gz]");
  process.exit(1);
}
const file = values.out ?? `${values.team}.hindsight.json.gz`;
const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
try {
  const archive = await exportTeam(client, values.team);
  writeFileSync(file, packArchive(archive));
  const rows = Object.values(archive.tables).reduce((sum, rows) => sum + rows.length, 0);
  console.log(`Exported team "${archive.team.slug}" (${rows} rows, ${archive.users.length} people) to ${file}.`);
} catch (error) {
  console.error(error instanceof ArchiveError ? error.message : `Export failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await client.end();
}
