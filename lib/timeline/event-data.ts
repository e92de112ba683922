import type { TimelineKind } from "@/lib/generated/prisma/enums";
import type { TimelineEntry } from "@/lib/timeline/queries";

export type RevisionData = { id: string; change: string; body: string; kind: TimelineKind; occurredAt: string; createdAt: string; editor: { name: string } | null };

/**
 * One timeline event as plain JSON, the same whether the page seeded it or the live stream or
 * "Show earlier events" brought it: the browser merges them by id, the later `updatedAt` winning.
 */
export type EventData = Omit<TimelineEntry, "occurredAt" | "createdAt" | "updatedAt" | "deletedAt" | "revisions"> & {
  occurredAt: string;
  createdAt: string;
  updatedAt: string;
  revisions: RevisionData[];
  /** Set when the event was deleted: viewers drop it. */
  deleted?: true;
};

export function toEventData(entry: TimelineEntry): EventData {
  const data: EventData = {
    id: entry.id,
    kind: entry.kind,
    body: entry.body,
    source: entry.source,
    starred: entry.starred,
    internal: entry.internal,
    version: entry.version,
    occurredAt: entry.occurredAt.toISOString(),
    createdAt: entry.createdAt.toISOString(),
    updatedAt: entry.updatedAt.toISOString(),
    author: entry.author,
    revisions: entry.revisions.map((r) => ({ ...r, occurredAt: r.occurredAt.toISOString(), createdAt: r.createdAt.toISOString() })),
  };
  if (entry.deletedAt) {
    // A deleted event's text stays in its history, not on viewers' screens.
    return { ...data, body: "", revisions: [], deleted: true };
  }
  return data;
}
