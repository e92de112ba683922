import type pg from "pg";

/**
 * What a team archive holds, in the order rows are inserted (parents first). Each table is read
 * by the team it belongs to, directly or through its parent. Left out on purpose: invites (they
 * carry secrets and expire), notifications (per person, transient), sessions, accounts and
 * rate-limit rows (per instance).
 */
export const TEAM_TABLES: readonly { name: string; where: string; orderBy?: string }[] = [
  { name: "Team", where: `"id" = $1` },
  { name: "PublicBranding", where: `"teamId" = $1`, orderBy: `"teamId"` },
  { name: "Membership", where: `"teamId" = $1` },
  { name: "SeverityLevel", where: `"teamId" = $1`, orderBy: `"level"` },
  { name: "Service", where: `"teamId" = $1` },
  { name: "PostmortemTemplate", where: `"teamId" = $1` },
  { name: "Incident", where: `"teamId" = $1` },
  { name: "IncidentService", where: `"incidentId" IN (SELECT id FROM "Incident" WHERE "teamId" = $1)`, orderBy: `"incidentId", "serviceId"` },
  { name: "TimelineEvent", where: `"teamId" = $1` },
  { name: "TimelineEventRevision", where: `"eventId" IN (SELECT id FROM "TimelineEvent" WHERE "teamId" = $1)` },
  { name: "Task", where: `"teamId" = $1` },
  // After the timeline and tasks: their triggers record facts changes only for incidents that have a postmortem.
  { name: "Postmortem", where: `"teamId" = $1` },
  { name: "PostmortemSnapshot", where: `"teamId" = $1` },
  { name: "CommentThread", where: `"teamId" = $1` },
  { name: "Comment", where: `"threadId" IN (SELECT id FROM "CommentThread" WHERE "teamId" = $1)` },
  { name: "Upload", where: `"teamId" = $1` },
  { name: "DiagramImage", where: `"teamId" = $1` },
  { name: "ReviewRequest", where: `"teamId" = $1` },
  { name: "Review", where: `"teamId" = $1` },
  { name: "PostmortemFactsChange", where: `"postmortemId" IN (SELECT id FROM "Postmortem" WHERE "teamId" = $1)`, orderBy: `"postmortemId", "factsVersion", "createdAt", "source", "sourceId"` },
  { name: "Publication", where: `"teamId" = $1` },
  { name: "PublicEdition", where: `"teamId" = $1` },
  { name: "AuditEvent", where: `"teamId" = $1` },
];

/** Tables with a team that the archive leaves out on purpose, and why. */
export const NOT_EXPORTED: Readonly<Record<string, string>> = {
  Invite: "invite links carry secrets and expire",
  Notification: "per person and transient",
  ApiToken: "tokens are secrets of this instance: issue new ones on the new instance",
  ApiTokenScope: "belongs to the API tokens, which are not moved",
  WebhookEndpoint: "holds receivers' addresses and signing secrets: set endpoints up again on the new instance",
  ChatDestination: "holds chat webhook URLs and bot tokens: set destinations up again on the new instance",
  TeamEvent: "this instance's delivery outbox",
  OutboundDelivery: "this instance's delivery log",
  AlertSource: "holds secrets, and monitoring must be pointed at the new instance's addresses anyway",
  Alert: "belongs to alert sources, which are not moved (the incidents they opened are)",
  AlertDelivery: "raw deliveries kept two weeks for this instance's sources",
  AlertGroup: "maps this instance's sources' alert groups to incidents",
  OutgoingEmail: "this instance's mail log (it holds live sign-in links)",
};

export type Catalog = {
  /** Columns that reference User, per table: mapped to the importing instance's users by e-mail. */
  userColumns: Map<string, string[]>;
  /** Columns left out of the archive: full-text vectors (triggers rebuild them) and serial ids (the target numbers its own). */
  derivedColumns: Map<string, string[]>;
};

export async function readCatalog(client: pg.ClientBase): Promise<Catalog> {
  const userColumns = new Map<string, string[]>();
  const derivedColumns = new Map<string, string[]>();
  const { rows: references } = await client.query<{ table: string; column: string }>(`
    SELECT cl.relname AS table, a.attname AS column
    FROM pg_constraint c
    JOIN pg_class cl ON cl.oid = c.conrelid
    JOIN pg_namespace n ON n.oid = cl.relnamespace
    JOIN pg_class ref ON ref.oid = c.confrelid
    CROSS JOIN LATERAL unnest(c.conkey) AS k(attnum)
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
    WHERE c.contype = 'f' AND n.nspname = 'public' AND ref.relname = 'User'
    ORDER BY 1, 2`);
  for (const { table, column } of references) userColumns.set(table, [...(userColumns.get(table) ?? []), column]);
  const { rows: derived } = await client.query<{ table: string; column: string }>(`
    SELECT c.table_name AS table, c.column_name AS column
    FROM information_schema.columns c
    WHERE c.table_schema = 'public' AND (c.udt_name = 'tsvector' OR c.column_default LIKE 'nextval(%')
    ORDER BY 1, 2`);
  for (const { table, column } of derived) derivedColumns.set(table, [...(derivedColumns.get(table) ?? []), column]);
  return { userColumns, derivedColumns };
}
