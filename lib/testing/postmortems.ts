import * as Y from "yjs";
import { db } from "@/lib/db";
import { storeDocumentState } from "@/lib/postmortems/store";
import { documentFromUpdate, replaceDocumentContent } from "@/lib/postmortems/document";

/**
 * Writes `text` into every paragraph of a postmortem (so every required section has something),
 * through the store the collaboration server uses. Returns the stored content version.
 */
export async function writeEverySection(postmortemId: string, text: string, editorId: string): Promise<number> {
  const row = await db().postmortem.findUniqueOrThrow({ where: { id: postmortemId } });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(row.ydoc));
  const json = documentFromUpdate(new Uint8Array(row.ydoc));
  json.content = (json.content ?? []).map((node) => (node.type === "paragraph" ? { type: "paragraph", content: [{ type: "text", text }] } : node));
  replaceDocumentContent(doc, json);
  await storeDocumentState(postmortemId, Y.encodeStateAsUpdate(doc), [editorId]);
  return (await db().postmortem.findUniqueOrThrow({ where: { id: postmortemId } })).contentVersion;
}
