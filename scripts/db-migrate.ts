import { applyMigrations, MigrationError } from "./lib/migrate";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("DATABASE_URL is not set. Point it at the database to migrate, e.g. postgresql://user@localhost:5432/hindsight");
  process.exit(1);
}

try {
  const applied = await applyMigrations({ databaseUrl, log: (line) => console.log(line) });
  console.log(applied.length ? `Applied ${applied.length} migration(s).` : "The database is up to date.");
} catch (error) {
  console.error(error instanceof MigrationError ? error.message : error);
  process.exit(1);
}
