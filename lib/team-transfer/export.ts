import type pg from "pg";
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, ArchiveError, type Row, type TeamArchive } from "@/lib/team-transfer/archive";
import { readCatalog, TEAM_TABLES } from "@/lib/team-transfer/tables";

/**
 * Everything a team owns, read in one repeatable-read transaction so the archive is consistent
 * while people keep working: incidents, timelines with their revisions, tasks, postmortems with
 * their Yjs state, versions, comments, images and diagrams, reviews, publications and editions,
 * services, severities, templates, members and the audit log.
 */
export async function exportTeam(client: pg.ClientBase, slug: string): Promise<TeamArchive> {
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    const { rows: teams } = await client.query<{ id: string; slug: string; name: string }>(`SELECT id, slug, name FROM "Team" WHERE slug = $1`, [slug]);
    const team = teams[0];
    if (!team) throw new ArchiveError(`No team with the address "${slug}".`);
    const catalog = await readCatalog(client);
    const tables: Record<string, Row[]> = {};
    const userIds = new Set<string>();
    for (const table of TEAM_TABLES) {
      const left = (catalog.derivedColumns.get(table.name) ?? []).map((column) => ` - '${column}'`).join("");
      const { rows } = await client.query<{ row: Row }>(`SELECT to_jsonb(t)${left} AS row FROM "${table.name}" t WHERE ${table.where} ORDER BY ${table.orderBy ?? `"id"`}`, [team.id]);
      tables[table.name] = rows.map((r) => r.row);
      for (const column of catalog.userColumns.get(table.name) ?? []) {
        for (const { row } of rows) if (typeof row[column] === "string") userIds.add(row[column]);
      }
      // Published pages name people by role, keyed by user id.
      if (table.name === "Publication") for (const { row } of rows) for (const id of Object.keys((row.personRoles as Record<string, unknown> | null) ?? {})) userIds.add(id);
    }
    const { rows: users } = await client.query<{ id: string; email: string; name: string }>(`SELECT id, email, name FROM "User" WHERE id = ANY($1::text[]) ORDER BY email`, [[...userIds]]);
    const { rows: migrations } = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    await client.query("COMMIT");
    return { format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, exportedAt: new Date().toISOString(), migrations: migrations.map((m) => m.migration_name), team, users, tables };
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}
