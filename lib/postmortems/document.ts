import { createHash } from "node:crypto";
import { getSchema, type JSONContent } from "@tiptap/core";
import { MarkdownManager } from "@tiptap/markdown";
import * as Y from "yjs";
import { prosemirrorJSONToYDoc, updateYFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { documentExtensions } from "@/lib/postmortems/editor/extensions";
import { isSafeImageUrl, isSafeLinkUrl } from "@/lib/postmortems/editor/safe-url";
import { FRAGMENT } from "@/lib/postmortems/limits";


const extensions = documentExtensions();
export const documentSchema = getSchema(extensions);
const markdown = new MarkdownManager({ extensions });

export function emptyDocument(): JSONContent {
  return { type: "doc", content: [{ type: "paragraph" }] };
}

/** Validates JSON against the schema (throws on unknown nodes) and returns it normalised. */
export function normaliseDocument(json: JSONContent): JSONContent {
  return documentSchema.nodeFromJSON(json).toJSON() as JSONContent;
}

/**
 * Gives every empty paragraph an empty text. Otherwise two people who start typing in the same
 * empty paragraph at once each create a text of their own, and ProseMirror, which sees one text,
 * misplaces characters; with one shared text their keystrokes interleave like any other edit.
 */
function seedEmptyParagraphs(element: Y.XmlFragment | Y.XmlElement): void {
  for (const child of element.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.nodeName === "paragraph" && child.length === 0) child.insert(0, [new Y.XmlText()]);
    else seedEmptyParagraphs(child);
  }
}

export function ydocFromDocument(json: JSONContent): Y.Doc {
  const ydoc = prosemirrorJSONToYDoc(documentSchema, normaliseDocument(json), FRAGMENT);
  ydoc.transact(() => seedEmptyParagraphs(ydoc.getXmlFragment(FRAGMENT)));
  return ydoc;
}

export function documentFromYdoc(ydoc: Y.Doc): JSONContent {
  return yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(FRAGMENT), documentSchema).toJSON() as JSONContent;
}

export function documentFromUpdate(update: Uint8Array): JSONContent {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, update);
  return documentFromYdoc(ydoc);
}

export function encodeDocument(json: JSONContent): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Y.encodeStateAsUpdate(ydocFromDocument(json)));
}

function keepMark(mark: { type: string; attrs?: Record<string, unknown> }): boolean {
  if (mark.type === "comment") return false;
  if (mark.type === "link") return typeof mark.attrs?.href === "string" && isSafeLinkUrl(mark.attrs.href);
  return true;
}

function keepNode(node: JSONContent): boolean {
  return node.type !== "image" || (typeof node.attrs?.src === "string" && isSafeImageUrl(node.attrs.src));
}

/**
 * The document as it may leave the editor: without comment marks (discussion, not content) and
 * without unsafe links or images (any client can write any attribute). What is hashed, exported
 * and published.
 */
export function cleanDocument(json: JSONContent): JSONContent {
  const { marks, content, ...rest } = json;
  const kept = marks?.filter(keepMark);
  return {
    ...rest,
    ...(kept && kept.length > 0 ? { marks: kept } : {}),
    ...(content ? { content: content.filter(keepNode).map(cleanDocument) } : {}),
  };
}

/** JSON with object keys sorted: Yjs does not keep attribute order, and equal content must hash equal. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

const isEmptyParagraph = (node: JSONContent | undefined) => node?.type === "paragraph" && !(node.content ?? []).length;

/** The editor keeps an empty paragraph at the end of the document; it is not content. */
function withoutTrailingEmptyParagraphs(json: JSONContent): JSONContent {
  const content = [...(json.content ?? [])];
  while (isEmptyParagraph(content.at(-1))) content.pop();
  return { ...json, content };
}

/** SHA-256 of the content (not the comments): equal text, equal hash, whatever order attributes come in. */
export function contentHash(json: JSONContent): string {
  return createHash("sha256").update(canonicalJson(withoutTrailingEmptyParagraphs(cleanDocument(json)))).digest("hex");
}

/** Empty paragraphs serialise as runs of blank lines; outside code blocks one blank line is enough. */
function collapseBlankLines(source: string): string {
  return source
    .split(/(^```[^\n]*\n[\s\S]*?^```$)/m)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/^&nbsp;$/gm, "").replace(/\n{3,}/g, "\n\n")))
    .join("");
}

// The table serializer writes a cell's "|" as is, which ends the cell: the text after it was lost.
// Pipes in tables travel as a private-use character and are written as GFM's "\|".
const TABLE_PIPE = "\uE000";

function protectTablePipes(node: JSONContent, inTable = false): JSONContent {
  const within = inTable || node.type === "table";
  if (node.type === "text" && within && node.text?.includes("|")) return { ...node, text: node.text.replaceAll("|", TABLE_PIPE) };
  return node.content ? { ...node, content: node.content.map((child) => protectTablePipes(child, within)) } : node;
}

/** Markdown with live blocks left as `::live{…}` directives. */
export function documentToMarkdown(json: JSONContent): string {
  const source = markdown.serialize(protectTablePipes(cleanDocument(json))).replaceAll(TABLE_PIPE, "\\|");
  return collapseBlankLines(source).trim() + "\n";
}

export function markdownToDocument(source: string): JSONContent {
  return normaliseDocument(markdown.parse(source));
}

export function plainText(json: JSONContent): string {
  if (json.type === "text") return json.text ?? "";
  return (json.content ?? []).map(plainText).join(json.type === "doc" ? "\n" : "");
}

export type Section = { heading: string; required: boolean; empty: boolean };

/** The document's level-2 sections, and whether each has anything written under it. */
export function sectionsOf(json: JSONContent): Section[] {
  const sections: Section[] = [];
  for (const node of json.content ?? []) {
    if (node.type === "heading" && node.attrs?.level === 2) {
      sections.push({ heading: plainText(node).trim(), required: node.attrs.required === true, empty: true });
    } else {
      const current = sections.at(-1);
      if (current && !isBlank(node)) current.empty = false;
    }
  }
  return sections;
}

function isBlank(node: JSONContent): boolean {
  if (node.type === "liveBlock") return false;
  return plainText(node).trim() === "" && !(node.content ?? []).some((child) => child.type === "image");
}

/**
 * Rewrites the shared document to `json` as a minimal set of Yjs changes (what differs is
 * replaced, the rest kept), so concurrent editors and comment anchors survive a restore.
 */
export function replaceDocumentContent(ydoc: Y.Doc, json: JSONContent): void {
  const node = documentSchema.nodeFromJSON(normaliseDocument(json));
  ydoc.transact(() => {
    updateYFragment(ydoc, ydoc.getXmlFragment(FRAGMENT), node, { mapping: new Map(), isOMark: new Map() });
  });
}
