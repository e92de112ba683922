import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/authz";
import { decodeCursor, encodeCursor, type Cursor } from "@/lib/pagination";
import type { EventSource, TimelineKind } from "@/lib/generated/prisma/enums";

/** Enough for any real incident; the page says so if an incident ever has more. */
export const TIMELINE_LIMIT = 2000;
/** Events on the first screen of the incident page; older ones load on demand. */
export const TIMELINE_WINDOW = 25;
/** Older events fetched per "Show earlier events", and search results per page. */
export const TIMELINE_PAGE = 100;
/** Starred events shown above a windowed timeline (key moments are few; this bounds a pathological one). */
export const STARRED_LIMIT = 20;

/** The incident's whole timeline in time order (up to TIMELINE_LIMIT), for the postmortem's facts and exports. */
export async function listTimeline(actor: Actor, teamId: string, incidentId: string): Promise<TimelineEntry[]> {
  authorize(actor, "incident.read", { teamId });
  return selectEntries(Prisma.sql`e."incidentId" = ${incidentId} AND e."teamId" = ${teamId} AND e."deletedAt" IS NULL`, TIMELINE_LIMIT, Prisma.sql`e."occurredAt" ASC, e.id ASC`);
}

type RevisionRow = { id: string; change: string; body: string; kind: TimelineKind; occurredAt: Date; createdAt: Date; editor: { name: string } | null };

/** One event with its author and up to 20 revisions, newest first: what the page and the live stream show. */
export type TimelineEntry = {
  id: string;
  kind: TimelineKind;
  body: string;
  source: EventSource;
  starred: boolean;
  internal: boolean;
  version: number;
  occurredAt: Date;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  author: { id: string; name: string } | null;
  revisions: RevisionRow[];
};

/** A slice of the timeline in time order, and the cursor of the events before it (null when it starts at the beginning). */
export type TimelineSlice = { entries: TimelineEntry[]; earlier: string | null };

const cursorOf = (entry: TimelineEntry): Cursor => ({ at: entry.occurredAt.toISOString(), id: entry.id });

type RawEntry = Omit<TimelineEntry, "revisions"> & { revisions: (Omit<RevisionRow, "occurredAt" | "createdAt"> & { occurredAt: string; createdAt: string })[] };

/**
 * Events with their author and revisions in ONE statement (Prisma would send four: events,
 * authors, revisions, editors), newest first, in the order the (incidentId, occurredAt, id) index
 * supplies; revisions come through their (eventId, createdAt) index.
 */
async function selectEntries(where: Prisma.Sql, limit: number, order: Prisma.Sql = Prisma.sql`e."occurredAt" DESC, e.id DESC`): Promise<TimelineEntry[]> {
  const rows = await db().$queryRaw<RawEntry[]>`
    SELECT e.id, e.kind::text AS kind, e.body, e.source::text AS source, e.starred, e.internal, e.version,
           e."occurredAt", e."createdAt", e."updatedAt", e."deletedAt",
           CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('id', a.id, 'name', a.name) END AS author,
           COALESCE(r.revisions, '[]'::json) AS revisions
    FROM "TimelineEvent" e
    LEFT JOIN "User" a ON a.id = e."authorId"
    LEFT JOIN LATERAL (
      SELECT json_agg(json_build_object('id', x.id, 'change', x.change, 'body', x.body, 'kind', x.kind, 'occurredAt', x."occurredAt", 'createdAt', x."createdAt",
                                        'editor', CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('name', u.name) END) ORDER BY x."createdAt" DESC) AS revisions
      FROM (SELECT * FROM "TimelineEventRevision" v WHERE v."eventId" = e.id ORDER BY v."createdAt" DESC LIMIT 20) x
      LEFT JOIN "User" u ON u.id = x."editorId"
    ) r ON true
    WHERE ${where}
    ORDER BY ${order}
    LIMIT ${limit}`;
  return rows.map((row) => ({ ...row, revisions: row.revisions.map((v) => ({ ...v, occurredAt: new Date(v.occurredAt), createdAt: new Date(v.createdAt) })) }));
}

/** Newest first, one extra row to know whether more exist, returned oldest first. */
async function sliceBefore(teamId: string, incidentId: string, cursor: Cursor | null, limit: number, extra: Prisma.Sql = Prisma.empty): Promise<TimelineSlice> {
  const at = cursor ? new Date(cursor.at) : null;
  const keyset = cursor && at && !Number.isNaN(at.getTime()) ? Prisma.sql`AND (e."occurredAt", e.id) < (${at}::timestamptz, ${cursor.id})` : Prisma.empty;
  const rows = await selectEntries(Prisma.sql`e."incidentId" = ${incidentId} AND e."teamId" = ${teamId} AND e."deletedAt" IS NULL ${extra} ${keyset}`, limit + 1);
  const entries = rows.slice(0, limit).reverse();
  const first = entries[0];
  return { entries, earlier: rows.length > limit && first ? encodeCursor(cursorOf(first)) : null };
}

/** The newest events of the incident: the first screen of its page. */
export async function listLatestEvents(actor: Actor, teamId: string, incidentId: string, limit = TIMELINE_WINDOW): Promise<TimelineSlice> {
  authorize(actor, "incident.read", { teamId });
  return sliceBefore(teamId, incidentId, null, limit);
}

/** The events just before a cursor from `earlier`, for "Show earlier events". A malformed cursor reads as "from the newest". */
export async function listEventsBefore(actor: Actor, teamId: string, incidentId: string, cursor: string, limit = TIMELINE_PAGE): Promise<TimelineSlice> {
  authorize(actor, "incident.read", { teamId });
  return sliceBefore(teamId, incidentId, decodeCursor(cursor), limit);
}

/** The newest starred events: the page shows those older than its first screen above the timeline. */
export async function listStarredEvents(actor: Actor, teamId: string, incidentId: string, limit = STARRED_LIMIT): Promise<TimelineSlice> {
  authorize(actor, "incident.read", { teamId });
  return sliceBefore(teamId, incidentId, null, limit, Prisma.sql`AND e.starred`);
}

/** One event with its author and revisions, as the timeline shows it, or null (deleted ones too). */
export async function getEvent(actor: Actor, teamId: string, eventId: string): Promise<TimelineEntry | null> {
  authorize(actor, "incident.read", { teamId });
  const [entry] = await selectEntries(Prisma.sql`e.id = ${eventId} AND e."teamId" = ${teamId} AND e."deletedAt" IS NULL`, 1);
  return entry ?? null;
}

/** One event of the incident (e.g. the one being turned into a task), or null. */
export async function findEvent(actor: Actor, teamId: string, incidentId: string, eventId: string) {
  authorize(actor, "incident.read", { teamId });
  return db().timelineEvent.findFirst({ where: { id: eventId, incidentId, teamId, deletedAt: null }, select: { id: true, body: true } });
}

/**
 * Events of one incident whose text matches a web-style query (words, "phrases", -not), newest
 * first, through the same full-text vector as the incident search. Returned oldest first, like the
 * timeline; `earlier` continues with older matches.
 */
export async function searchTimeline(actor: Actor, teamId: string, incidentId: string, q: string, cursor: string | null = null, limit = TIMELINE_PAGE): Promise<TimelineSlice> {
  authorize(actor, "incident.read", { teamId });
  return sliceBefore(teamId, incidentId, decodeCursor(cursor), limit, Prisma.sql`AND e.search @@ websearch_to_tsquery('english', ${q})`);
}

/** Changed events (added, edited, starred, deleted) fetched for live viewers at most this many at once; more means "reload". */
export const CHANGES_LIMIT = 200;

/**
 * Everything that changed on an incident's timeline since a moment, deletions included, oldest
 * change first (index: incidentId, updatedAt). No permission check: the live feed checks every
 * viewer once per change, in one query, before anything is sent.
 */
export async function listEventChangesSince(teamId: string, incidentId: string, since: Date): Promise<TimelineEntry[]> {
  return selectEntries(Prisma.sql`e."incidentId" = ${incidentId} AND e."teamId" = ${teamId} AND e."updatedAt" > ${since}`, CHANGES_LIMIT + 1, Prisma.sql`e."updatedAt" ASC, e.id ASC`);
}

