import { redactPassword } from "./lib/database-url";
import { applyMigrations, MigrationError } from "./lib/migrate";

/** `npm run db:migrate`: applies pending migrations to DATABASE_URL, as `prisma migrate deploy` does. */
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("DATABASE_URL is not set. Point it at the database to migrate, e.g. DATABASE_URL=postgresql://user:password@localhost:5432/hindsight npm run db:migrate");
  process.exit(1);
}

try {
  const applied = await applyMigrations({ databaseUrl, log: (line) => console.log(line) });
  console.log(applied.length ? `Applied ${applied.length} migration(s).` : "The database is up to date.");
} catch (error) {
  const reason = error instanceof MigrationError ? error.message : `${redactPassword(databaseUrl)}: ${error instanceof Error ? error.message : String(error)}`;
  console.error(`Migration stopped. ${reason}`);
  process.exitCode = 1;
}
