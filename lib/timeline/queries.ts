import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/authz";

/** Enough for any real incident; the page says so if an incident ever has more. */
export const TIMELINE_LIMIT = 2000;

/** The incident's timeline in time order (index: incidentId, occurredAt, id), authors and edit counts in the same round trip. */
export async function listTimeline(actor: Actor, teamId: string, incidentId: string) {
  authorize(actor, "incident.read", { teamId });
  return db().timelineEvent.findMany({
    where: { incidentId, teamId, deletedAt: null },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    take: TIMELINE_LIMIT,
    select: {
      id: true,
      kind: true,
      body: true,
      source: true,
      starred: true,
      internal: true,
      version: true,
      occurredAt: true,
      createdAt: true,
      author: { select: { id: true, name: true } },
      revisions: { orderBy: { createdAt: "desc" }, take: 20, select: { id: true, change: true, body: true, kind: true, occurredAt: true, createdAt: true, editor: { select: { name: true } } } },
    },
  });
}

export type TimelineEntry = Awaited<ReturnType<typeof listTimeline>>[number];
