import { cache } from "react";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/authz";
import { decodeCursor, toPage, type Page } from "@/lib/pagination";
import type { SnapshotKind } from "@/lib/generated/prisma/enums";

/** The incident's postmortem with what its page header shows, or null when it has none yet. Cached per request. */
export const getPostmortemForIncident = cache(async (actor: Actor, teamId: string, incidentId: string) => {
  authorize(actor, "postmortem.read", { teamId });
  return db().postmortem.findFirst({
    where: { incidentId, teamId },
    select: {
      id: true,
      title: true,
      status: true,
      templateName: true,
      content: true,
      markdown: true,
      contentVersion: true,
      contentHash: true,
      docBytes: true,
      lastEditedAt: true,
      createdAt: true,
      author: { select: { id: true, name: true } },
      lastEditor: { select: { name: true } },
    },
  });
});

export type PostmortemDetail = NonNullable<Awaited<ReturnType<typeof getPostmortemForIncident>>>;

export const SNAPSHOT_PAGE_SIZE = 30;

export type SnapshotRow = { id: string; kind: SnapshotKind; name: string; contentVersion: number; createdAt: Date; createdBy: { name: string } | null };

/** Saved versions, newest first, keyset-paginated (index: postmortemId, createdAt desc, id desc). */
export async function listSnapshots(actor: Actor, teamId: string, postmortemId: string, rawCursor?: string | null): Promise<Page<SnapshotRow>> {
  authorize(actor, "postmortem.read", { teamId });
  const decoded = decodeCursor(rawCursor);
  const cursor = decoded && !Number.isNaN(Date.parse(decoded.at)) ? decoded : null;
  const rows = await db().postmortemSnapshot.findMany({
    where: {
      postmortemId,
      teamId,
      ...(cursor ? { OR: [{ createdAt: { lt: new Date(cursor.at) } }, { createdAt: new Date(cursor.at), id: { lt: cursor.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: SNAPSHOT_PAGE_SIZE + 1,
    select: { id: true, kind: true, name: true, contentVersion: true, createdAt: true, createdBy: { select: { name: true } } },
  });
  return toPage(rows, SNAPSHOT_PAGE_SIZE, (row) => ({ at: row.createdAt.toISOString(), id: row.id }));
}

/** One saved version's Markdown, for diffs; null for an id outside this postmortem. */
export async function getSnapshotMarkdown(actor: Actor, teamId: string, postmortemId: string, snapshotId: string) {
  authorize(actor, "postmortem.read", { teamId });
  return db().postmortemSnapshot.findFirst({
    where: { id: snapshotId, postmortemId, teamId },
    select: { id: true, name: true, kind: true, markdown: true, contentVersion: true, createdAt: true, createdBy: { select: { name: true } } },
  });
}

/** Whether the incident has a postmortem, and its state: for links and badges, without loading the document. */
export async function getPostmortemStatus(actor: Actor, teamId: string, incidentId: string) {
  authorize(actor, "postmortem.read", { teamId });
  return db().postmortem.findFirst({ where: { incidentId, teamId }, select: { id: true, status: true } });
}
