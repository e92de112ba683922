import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { MIGRATIONS_DIR } from "./lib/migrate";
import { LOCKFILE, LOCKFILE_CONTENT, readMigrationsList } from "./lib/migrations-list";
import { NO_FILTERS, startSchemaEngine } from "./lib/schema-engine";
import { withDatabaseServer } from "./lib/database-server";

const HELP = `Creates the next migration from prisma/schema.prisma, like \`prisma migrate dev\`.

  npm run db:migrate:dev -- --name add_tasks [--create-only]

--name         what the migration does (snake_case)
--create-only  write the migration without applying it to the development database

Uses DATABASE_URL when set; otherwise the embedded development database in .hindsight/pg.
The schema engine runs as WebAssembly; a temporary shadow database is created and dropped.`;

const { values } = parseArgs({ options: { name: { type: "string" }, "create-only": { type: "boolean" }, help: { type: "boolean" } } });
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const name = values.name?.trim();
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error(`Give the migration a snake_case --name.\n\n${HELP}`);
  process.exit(1);
}

const schemaPath = path.resolve("prisma/schema.prisma");

await withDatabaseServer(async (databaseUrl) => {
  const engine = await startSchemaEngine({ databaseUrl, schemaPath });
  const schema = { files: [{ path: schemaPath, content: readFileSync(schemaPath, "utf8") }] };
  let migrationsList = readMigrationsList(MIGRATIONS_DIR);

  const diagnostic = await engine.devDiagnostic({ migrationsList, filters: NO_FILTERS });
  if (diagnostic.action.tag === "reset") {
    throw new Error(`The development database has drifted from the migrations: ${diagnostic.action.reason}\nReset it (drop and recreate the database) and run this again.`);
  }
  const applied = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
  for (const migration of applied.appliedMigrationNames) console.log(`applied ${migration}`);
  if (applied.appliedMigrationNames.length) await engine.devDiagnostic({ migrationsList, filters: NO_FILTERS });

  const dataLoss = await engine.evaluateDataLoss({ migrationsList, schema, filters: NO_FILTERS });
  for (const step of dataLoss.unexecutableSteps) console.error(`✖ ${step.message}`);
  for (const warning of dataLoss.warnings) console.warn(`⚠ ${warning.message}`);
  if (dataLoss.unexecutableSteps.length) throw new Error("The migration cannot be applied as generated. Edit the schema, or use --create-only and edit the SQL.");

  const created = await engine.createMigration({ migrationName: name, draft: false, migrationsList, schema, filters: NO_FILTERS });
  if (!created.migrationScript) {
    console.log("No changes: the schema and the migrations agree.");
    return;
  }
  const dir = path.join(MIGRATIONS_DIR, created.generatedMigrationName);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `migration.${created.extension}`), created.migrationScript);
  writeFileSync(path.join(MIGRATIONS_DIR, LOCKFILE), LOCKFILE_CONTENT);
  console.log(`created prisma/migrations/${created.generatedMigrationName}/migration.${created.extension}`);

  if (!values["create-only"]) {
    migrationsList = readMigrationsList(MIGRATIONS_DIR);
    await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    console.log(`applied ${created.generatedMigrationName}`);
  }
});
