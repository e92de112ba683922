import { db } from "@/lib/db";
import * as Y from "yjs";
import { contentHash, documentFromYdoc, documentToMarkdown } from "@/lib/postmortems/document";
import { autoSnapshotDue, writeSnapshot } from "@/lib/postmortems/snapshots";
import { onContentChanged } from "@/lib/reviews/staleness";
import { storableJson, storableText } from "@/lib/collab/storable";

export type StoredDocument = { postmortemId: string; teamId: string; incidentId: string; ydoc: Uint8Array };

/** The persisted Yjs state the collaboration server loads a document from, or null if there is no such postmortem. */
export async function loadDocumentState(postmortemId: string): Promise<StoredDocument | null> {
  const row = await db().postmortem.findUnique({ where: { id: postmortemId }, select: { id: true, teamId: true, incidentId: true, ydoc: true } });
  return row ? { postmortemId: row.id, teamId: row.teamId, incidentId: row.incidentId, ydoc: new Uint8Array(row.ydoc) } : null;
}

export type StoreResult = {
  changed: boolean;
  contentVersion: number;
  /** The state PostgreSQL holds now: the one sent merged with whatever another server stored first. */
  stored: Uint8Array;
  /** A Yjs snapshot of `stored`, which editors compare their copy with. */
  storedSnapshot: Uint8Array;
};

function docOf(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

/**
 * Persists the collaboration server's copy of a document and re-derives its JSON, Markdown and
 * hash. Only a change of content (not of comments) bumps `contentVersion`, which is what
 * approvals are tied to; and while people write, a version is kept every ten minutes.
 *
 * Several collaboration servers may hold the same document, each storing what its own editors
 * sent. So the state is merged with the stored one under the row's lock, never written over it:
 * a server whose copy lags cannot clobber another's newer store, and a store that adds nothing
 * to what is stored writes nothing.
 */
export async function storeDocumentState(
  postmortemId: string,
  state: Uint8Array,
  editorIds: readonly string[],
  now: Date = new Date(),
): Promise<StoreResult | null> {
  const merged = docOf(state);
  const before = Y.snapshot(merged);
  // The Yjs state is stored as sent (bytea takes any byte); what is derived from it must be storable text.
  let content = storableJson(documentFromYdoc(merged));
  return db().$transaction(async (tx) => {
    const [current] = await tx.$queryRaw<{ teamId: string; incidentId: string; contentHash: string; contentVersion: number; ydoc: Uint8Array }[]>`
      SELECT "teamId", "incidentId", "contentHash", "contentVersion", ydoc FROM "Postmortem" WHERE id = ${postmortemId} FOR UPDATE`;
    if (!current) return null;
    const storedDoc = docOf(new Uint8Array(current.ydoc));
    const storedSnapshot = Y.snapshot(storedDoc);
    Y.applyUpdate(merged, new Uint8Array(current.ydoc));
    const after = Y.snapshot(merged);
    if (Y.equalSnapshots(after, storedSnapshot)) {
      return { changed: false, contentVersion: current.contentVersion, stored: new Uint8Array(current.ydoc), storedSnapshot: Y.encodeSnapshot(storedSnapshot) };
    }
    if (!Y.equalSnapshots(after, before)) content = storableJson(documentFromYdoc(merged));
    const ydoc = new Uint8Array(Y.encodeStateAsUpdate(merged));
    const hash = contentHash(content);
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
    return { changed, contentVersion, stored: ydoc, storedSnapshot: Y.encodeSnapshot(after) };
  });
}
