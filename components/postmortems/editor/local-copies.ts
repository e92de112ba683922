import { clearDocument, IndexeddbPersistence } from "y-indexeddb";
import type * as Y from "yjs";

const PREFIX = "hindsight-doc:";

/**
 * Keeps a copy of a document in this browser (IndexedDB), per person: edits made while offline
 * survive closing the tab and are sent when the document is next opened online.
 */
export function keepLocalCopy(userId: string, documentName: string, doc: Y.Doc): IndexeddbPersistence {
  return new IndexeddbPersistence(`${PREFIX}${userId}:${documentName}`, doc);
}

/** Forgets every document copy this browser keeps, so the next person at this computer finds none. */
export async function clearLocalCopies(): Promise<void> {
  if (typeof indexedDB === "undefined" || typeof indexedDB.databases !== "function") return;
  const databases = await indexedDB.databases();
  const deletions = databases.flatMap((d) => (d.name?.startsWith(PREFIX) ? [clearDocument(d.name)] : []));
  // A copy still open in another tab cannot be deleted until that tab lets go; do not hold up sign-out for it.
  await Promise.race([Promise.allSettled(deletions), new Promise((resolve) => setTimeout(resolve, 1_000))]);
}
