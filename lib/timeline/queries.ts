import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/authz";
import { decodeCursor, encodeCursor, type Cursor } from "@/lib/pagination";

/** Enough for any real incident; the page says so if an incident ever has more. */
export const TIMELINE_LIMIT = 2000;
/** Events on the first screen of the incident page; older ones load on demand. */
export const TIMELINE_WINDOW = 100;
/** Older events fetched per "Show earlier events", and search results per page. */
export const TIMELINE_PAGE = 100;
/** Starred events shown above a windowed timeline (key moments are few; this bounds a pathological one). */
export const STARRED_LIMIT = 50;

const revisionSelect = { id: true, change: true, body: true, kind: true, occurredAt: true, createdAt: true, editor: { select: { name: true } } } as const;

const eventSelect = {
  id: true,
  kind: true,
  body: true,
  source: true,
  starred: true,
  internal: true,
  version: true,
  occurredAt: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { id: true, name: true } },
  revisions: { orderBy: { createdAt: "desc" }, take: 20, select: revisionSelect },
} satisfies Prisma.TimelineEventSelect;

/** The incident's timeline in time order (index: incidentId, occurredAt, id), authors and edit counts in the same round trip. */
export async function listTimeline(actor: Actor, teamId: string, incidentId: string) {
  authorize(actor, "incident.read", { teamId });
  return db().timelineEvent.findMany({
    where: { incidentId, teamId, deletedAt: null },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    take: TIMELINE_LIMIT,
    select: eventSelect,
  });
}

export type TimelineEntry = Awaited<ReturnType<typeof listTimeline>>[number];

/** A slice of the timeline in time order, and the cursor of the events before it (null when it starts at the beginning). */
export type TimelineSlice = { entries: TimelineEntry[]; earlier: string | null };

const cursorOf = (entry: TimelineEntry): Cursor => ({ at: entry.occurredAt.toISOString(), id: entry.id });

/** Keyset condition "strictly before this (occurredAt, id)", the order the index (incidentId, occurredAt, id) supplies. */
function before(cursor: Cursor | null): Prisma.TimelineEventWhereInput {
  if (!cursor) return {};
  const at = new Date(cursor.at);
  if (Number.isNaN(at.getTime())) return {};
  return { OR: [{ occurredAt: { lt: at } }, { occurredAt: at, id: { lt: cursor.id } }] };
}

/** Newest first from the index, one extra row to know whether more exist, returned oldest first. */
async function sliceBefore(teamId: string, incidentId: string, cursor: Cursor | null, limit: number, extra: Prisma.TimelineEventWhereInput = {}): Promise<TimelineSlice> {
  const rows = await db().timelineEvent.findMany({
    where: { incidentId, teamId, deletedAt: null, ...extra, ...before(cursor) },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: eventSelect,
  });
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
  return sliceBefore(teamId, incidentId, null, limit, { starred: true });
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
  const after = decodeCursor(cursor);
  const keyset = after ? Prisma.sql`AND ("occurredAt", id) < (${new Date(after.at)}::timestamptz, ${after.id})` : Prisma.empty;
  const matches = await db().$queryRaw<{ id: string }[]>`
    SELECT id FROM "TimelineEvent"
    WHERE "incidentId" = ${incidentId} AND "teamId" = ${teamId} AND "deletedAt" IS NULL
      AND search @@ websearch_to_tsquery('english', ${q}) ${keyset}
    ORDER BY "occurredAt" DESC, id DESC
    LIMIT ${limit + 1}`;
  if (matches.length === 0) return { entries: [], earlier: null };
  const rows = await db().timelineEvent.findMany({
    where: { id: { in: matches.slice(0, limit).map((m) => m.id) }, teamId },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    select: eventSelect,
  });
  const first = rows[0];
  return { entries: rows, earlier: matches.length > limit && first ? encodeCursor(cursorOf(first)) : null };
}

/** Changed events (added, edited, starred, deleted) fetched for live viewers at most this many at once; more means "reload". */
export const CHANGES_LIMIT = 200;

/**
 * Everything that changed on an incident's timeline since a moment, deletions included, oldest
 * change first (index: incidentId, updatedAt). No permission check: the live feed checks every
 * viewer once per change, in one query, before anything is sent.
 */
export async function listEventChangesSince(teamId: string, incidentId: string, since: Date) {
  return db().timelineEvent.findMany({
    where: { incidentId, teamId, updatedAt: { gt: since } },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    take: CHANGES_LIMIT + 1,
    select: { ...eventSelect, deletedAt: true },
  });
}

export type TimelineChange = Awaited<ReturnType<typeof listEventChangesSince>>[number];
