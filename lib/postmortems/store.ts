import { db } from "@/lib/db";
import { contentHash, documentFromUpdate, documentToMarkdown } from "@/lib/postmortems/document";
import { autoSnapshotDue, writeSnapshot } from "@/lib/postmortems/snapshots";
import { onContentChanged } from "@/lib/reviews/staleness";
import { storableJson, storableText } from "@/lib/collab/storable";

export type StoredDocument = { postmortemId: string; teamId: string; incidentId: string; ydoc: Uint8Array };

/** The persisted Yjs state the collaboration server loads a document from, or null if there is no such postmortem. */
export async function loadDocumentState(postmortemId: string): Promise<StoredDocument | null> {
  const row = await db().postmortem.findUnique({ where: { id: postmortemId }, select: { id: true, teamId: true, incidentId: true, ydoc: true } });
  return row ? { postmortemId: row.id, teamId: row.teamId, incidentId: row.incidentId, ydoc: new Uint8Array(row.ydoc) } : null;
}

export type StoreResult = { changed: boolean; contentVersion: number };

/**
 * Persists the collaboration server's copy of a document and re-derives its JSON, Markdown and
 * hash. Only a change of content (not of comments) bumps `contentVersion`, which is what
 * approvals are tied to; and while people write, a version is kept every ten minutes.
 */
export async function storeDocumentState(
  postmortemId: string,
  state: Uint8Array,
  editorIds: readonly string[],
  now: Date = new Date(),
): Promise<StoreResult | null> {
  // The Yjs state is stored as sent (bytea takes any byte); what is derived from it must be storable text.
  const content = storableJson(documentFromUpdate(state));
  const hash = contentHash(content);
  const ydoc = new Uint8Array(state);
  return db().$transaction(async (tx) => {
    const [current] = await tx.$queryRaw<{ teamId: string; incidentId: string; contentHash: string; contentVersion: number }[]>`
      SELECT "teamId", "incidentId", "contentHash", "contentVersion" FROM "Postmortem" WHERE id = ${postmortemId} FOR UPDATE`;
    if (!current) return null;
    const changed = current.contentHash !== hash;
    const contentVersion = changed ? current.contentVersion + 1 : current.contentVersion;
    const markdown = storableText(documentToMarkdown(content));
    const lastEditor = editorIds.at(-1) ?? null;
    // An editor who has since left the team (or been deleted) is not recorded as the last editor.
    const lastEditedById = lastEditor
      ? ((await tx.membership.findUnique({ where: { teamId_userId: { teamId: current.teamId, userId: lastEditor } }, select: { userId: true } }))?.userId ?? null)
      : null;
    await tx.postmortem.update({
      where: { id: postmortemId },
      data: {
        ydoc,
        content,
        docBytes: ydoc.byteLength,
        ...(changed ? { markdown, contentHash: hash, contentVersion, lastEditedAt: now, ...(lastEditedById ? { lastEditedById } : {}) } : {}),
      },
    });
    if (changed) await onContentChanged(tx, current.teamId, postmortemId, lastEditedById, now);
    if (changed && (await autoSnapshotDue(tx, postmortemId, hash, now))) {
      await writeSnapshot(
        tx,
        { postmortemId, teamId: current.teamId, ydoc, content, markdown, contentHash: hash, contentVersion },
        "AUTO",
        "",
        lastEditedById,
        now,
      );
    }
    return { changed, contentVersion };
  });
}
