import { randomBytes } from "node:crypto";
import type pg from "pg";
import { ArchiveError, type Row, type TeamArchive } from "@/lib/team-transfer/archive";
import { readCatalog, TEAM_TABLES } from "@/lib/team-transfer/tables";

export type MissingUsers = "placeholder" | "refuse";

export type ImportOptions = {
  /** A new address for the team, when the archive's is taken on this instance. */
  slug?: string;
  /**
   * People the archive names who have no account here (by e-mail): "placeholder" creates each as
   * a disabled account without a password, so history keeps their names and an admin can enable
   * them (`npm run user:disable -- <email> --enable`); "refuse" imports nothing and lists them.
   */
  missingUsers?: MissingUsers;
};

export type ImportResult = { teamId: string; slug: string; rows: number; placeholders: string[]; userIds: Map<string, string> };

const BATCH = 200;

function newId(): string {
  return `c${randomBytes(12).toString("hex").slice(0, 24)}`;
}

/**
 * Imports an archive into this database in one transaction: all of it or nothing. Record ids are
 * kept — they are random and globally unique, and postmortem documents and public editions refer
 * to their images by id inside their Yjs state and HTML, so keeping ids keeps every image and
 * public address working. People are matched by e-mail. A team already imported here is refused.
 */
export async function importTeam(client: pg.ClientBase, archive: TeamArchive, options: ImportOptions = {}): Promise<ImportResult> {
  const slug = options.slug ?? archive.team.slug;
  await client.query("BEGIN");
  try {
    const { rows: applied } = await client.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`);
    const have = new Set(applied.map((m) => m.migration_name));
    const missing = archive.migrations.filter((name) => !have.has(name));
    if (missing.length) throw new ArchiveError(`This archive comes from a newer Hindsight: upgrade this instance first (it lacks migration ${missing.join(", ")}).`);

    const { rows: clash } = await client.query<{ id: string; slug: string }>(`SELECT id, slug FROM "Team" WHERE id = $1 OR slug = $2`, [archive.team.id, slug]);
    if (clash.some((team) => team.id === archive.team.id)) throw new ArchiveError("This team has already been imported into this instance.");
    if (clash.length) throw new ArchiveError(`The team address "${slug}" is taken here; choose another (--slug).`);

    const userIds = await mapUsers(client, archive, options.missingUsers ?? "placeholder");
    const catalog = await readCatalog(client);
    let count = 0;
    for (const table of TEAM_TABLES) {
      const rows = (archive.tables[table.name] ?? []).map((row) => remapUsers(row, catalog.userColumns.get(table.name) ?? [], userIds));
      if (table.name === "Team") for (const row of rows) row.slug = slug;
      count += await insertRows(client, table.name, rows);
    }
    await client.query("COMMIT");
    return { teamId: archive.team.id, slug, rows: count, placeholders: archive.users.filter((u) => userIds.get(u.id)?.startsWith("placeholder:")).map((u) => u.email), userIds: cleanIds(userIds) };
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

/** Archive user id → this instance's user id ("placeholder:<id>" marks the ones created here, until the result is returned). */
async function mapUsers(client: pg.ClientBase, archive: TeamArchive, missingUsers: MissingUsers): Promise<Map<string, string>> {
  const emails = archive.users.map((u) => u.email.toLowerCase());
  const { rows: existing } = await client.query<{ id: string; email: string }>(`SELECT id, lower(email) AS email FROM "User" WHERE lower(email) = ANY($1::text[])`, [emails]);
  const byEmail = new Map(existing.map((u) => [u.email, u.id]));
  const absent = archive.users.filter((u) => !byEmail.has(u.email.toLowerCase()));
  if (absent.length && missingUsers === "refuse") {
    throw new ArchiveError(`These people have no account here: ${absent.map((u) => u.email).join(", ")}. Invite them first, or import with placeholders.`);
  }
  const map = new Map<string, string>();
  for (const user of archive.users) {
    const found = byEmail.get(user.email.toLowerCase());
    if (found) {
      map.set(user.id, found);
      continue;
    }
    const { rows: taken } = await client.query(`SELECT 1 FROM "User" WHERE id = $1`, [user.id]);
    const id = taken.length ? newId() : user.id;
    await client.query(`INSERT INTO "User" (id, email, name, "disabledAt", "updatedAt") VALUES ($1, $2, $3, now(), now())`, [id, user.email, user.name]);
    map.set(user.id, `placeholder:${id}`);
  }
  return map;
}

function cleanIds(map: Map<string, string>): Map<string, string> {
  return new Map([...map].map(([from, to]) => [from, to.replace(/^placeholder:/, "")]));
}

function remapUsers(row: Row, userColumns: string[], userIds: Map<string, string>): Row {
  const ids = cleanIds(userIds);
  const copy: Row = {};
  for (const [column, value] of Object.entries(row)) {
    if (userColumns.includes(column)) copy[column] = typeof value === "string" ? (ids.get(value) ?? null) : value;
    else copy[column] = value !== null && typeof value === "object" ? remapInJson(value, ids) : value;
  }
  return copy;
}

/**
 * JSON columns name people too (the audit log's reviewers, a publication's roles keyed by user
 * id): ids are random, so a string or key equal to an archived user's id is that user.
 */
function remapInJson(value: unknown, ids: Map<string, string>): unknown {
  if (typeof value === "string") return ids.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => remapInJson(item, ids));
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, inner]) => [ids.get(key) ?? key, remapInJson(inner, ids)]));
  return value;
}

/** Rows in batches through jsonb_populate_recordset, naming only the archive's columns so any column added since takes its default. */
async function insertRows(client: pg.ClientBase, table: string, rows: Row[]): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = Object.keys(rows[0] ?? {});
  const list = columns.map((column) => `"${column.replace(/"/g, '""')}"`).join(", ");
  for (let start = 0; start < rows.length; start += BATCH) {
    await client.query(`INSERT INTO "${table}" (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::"${table}", $1::jsonb)`, [JSON.stringify(rows.slice(start, start + BATCH))]);
  }
  return rows.length;
}
