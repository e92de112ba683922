import * as Y from "yjs";
import type { JSONContent } from "@tiptap/core";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { contentHash, documentFromYdoc, documentToMarkdown, replaceDocumentContent } from "@/lib/postmortems/document";
import { writeSnapshot } from "@/lib/postmortems/snapshots";

type LiveDocument = { transact(change: (doc: Y.Doc) => void): Promise<void>; document: Y.Doc | null };

async function saveVersion(doc: Y.Doc, postmortemId: string, teamId: string, kind: "AUTO" | "RESTORE", name: string, userId: string) {
  const content = documentFromYdoc(doc);
  const ydoc = new Uint8Array(Y.encodeStateAsUpdate(doc));
  const hash = contentHash(content);
  await db().$transaction(async (tx) => {
    const current = await tx.postmortem.findUniqueOrThrow({ where: { id: postmortemId }, select: { contentVersion: true, contentHash: true } });
    const version = current.contentHash === hash ? current.contentVersion : current.contentVersion + 1;
    await writeSnapshot(
      tx,
      { postmortemId, teamId, ydoc, content, markdown: documentToMarkdown(content), contentHash: hash, contentVersion: version },
      kind,
      name,
      userId,
    );
  });
}

/**
 * Writes a saved version's content into the live document as a new change, keeping what was
 * there as a version of its own first: nothing is destroyed, and editors who are connected see
 * the restore arrive like anyone else's edit.
 */
export async function restoreIntoLiveDocument(live: LiveDocument, postmortemId: string, snapshotId: string, userId: string): Promise<void> {
  const snapshot = await db().postmortemSnapshot.findFirst({
    where: { id: snapshotId, postmortemId },
    select: { teamId: true, content: true, name: true, createdAt: true, contentVersion: true },
  });
  if (!snapshot) throw new AppError("NOT_FOUND", "This version was not found.");
  const label = snapshot.name || `version ${snapshot.contentVersion}`;
  if (live.document) await saveVersion(live.document, postmortemId, snapshot.teamId, "AUTO", `Before restoring ${label}`, userId);
  await live.transact((doc) => replaceDocumentContent(doc, snapshot.content as JSONContent));
  if (live.document) await saveVersion(live.document, postmortemId, snapshot.teamId, "RESTORE", `Restored ${label}`, userId);
}
