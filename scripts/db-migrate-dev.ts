import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { MIGRATIONS_DIR } from "./lib/migrate";
import { LOCKFILE, LOCKFILE_CONTENT, readMigrationsList } from "./lib/migrations-list";
import { NO_FILTERS, openSchemaEngine, type SchemaEngine } from "./lib/schema-engine";
import { withDatabaseServer } from "./lib/database-server";
import { inProject } from "./lib/project-root";

const HELP = `Creates the next migration from prisma/schema.prisma, like \`prisma migrate dev\`.

  npm run db:migrate:dev -- --name add_tasks [--create-only] [--accept-data-loss]

--name              what the migration does (snake_case)
--create-only       write the migration without applying it to the development database
--accept-data-loss  apply it even though the engine warns that data would be lost

Database: DATABASE_URL when set; otherwise the embedded development database (.hindsight/pg,
database "hindsight"), started for the command or joined when \`npm run dev\`/\`npm start\` runs it.
Pending migrations are applied to it first, as \`prisma migrate dev\` does.

The schema engine runs as WebAssembly (no native Prisma engine needed). It replays the migrations
on a temporary shadow database "prisma_shadow_<random>" created on the same server (so the user
needs CREATEDB) and dropped afterwards. Prints "No changes" when the schema matches the migrations.`;

const { values } = parseArgs({
  options: { name: { type: "string" }, "create-only": { type: "boolean" }, "accept-data-loss": { type: "boolean" }, help: { type: "boolean" } },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const name = values.name?.trim();
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error(`Give the migration a snake_case --name.\n\n${HELP}`);
  process.exit(1);
}

const schemaPath = inProject("prisma", "schema.prisma");

async function migrateDev(engine: SchemaEngine, name: string, options: { createOnly: boolean; acceptDataLoss: boolean }): Promise<void> {
  const schema = { files: [{ path: schemaPath, content: readFileSync(schemaPath, "utf8") }] };
  let migrationsList = readMigrationsList(MIGRATIONS_DIR);

  const diagnostic = await engine.devDiagnostic({ migrationsList, filters: NO_FILTERS });
  if (diagnostic.action.tag === "reset") {
    throw new Error(`The development database has drifted from the migrations: ${diagnostic.action.reason}\nReset it (drop and recreate the database) and run this again.`);
  }
  const applied = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
  for (const migration of applied.appliedMigrationNames) console.log(`applied ${migration}`);
  // createMigration and evaluateDataLoss reuse the schema the diagnostic caches.
  if (applied.appliedMigrationNames.length) await engine.devDiagnostic({ migrationsList, filters: NO_FILTERS });

  const dataLoss = await engine.evaluateDataLoss({ migrationsList, schema, filters: NO_FILTERS });
  for (const step of dataLoss.unexecutableSteps) console.error(`✖ ${step.message}`);
  for (const warning of dataLoss.warnings) console.warn(`⚠ ${warning.message}`);
  if (dataLoss.unexecutableSteps.length) throw new Error("The migration cannot be applied as generated. Edit the schema, or use --create-only and edit the SQL.");
  if (dataLoss.warnings.length && !options.acceptDataLoss && !options.createOnly) {
    throw new Error("Applying this migration would lose data (see above). Run again with --accept-data-loss, or with --create-only to review the SQL first.");
  }

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

  if (!options.createOnly) {
    migrationsList = readMigrationsList(MIGRATIONS_DIR);
    await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    console.log(`applied ${created.generatedMigrationName}`);
  }
}

try {
  await withDatabaseServer(async (databaseUrl) => {
    const { engine, close } = await openSchemaEngine({ databaseUrl, schemaPath });
    try {
      await migrateDev(engine, name, { createOnly: values["create-only"] ?? false, acceptDataLoss: values["accept-data-loss"] ?? false });
    } finally {
      await close();
    }
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
// The engine leaves a 10 s lock-timeout timer of its own behind after applyMigrations.
process.exit();
