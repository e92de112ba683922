import type { JSONContent } from "@tiptap/core";
import { cleanDocument, documentToMarkdown, markdownToDocument } from "@/lib/postmortems/document";

/**
 * The Markdown file format of an exported postmortem, both ways. Plain Markdown carries sections,
 * text, tables, code and diagrams already; three things need marks a reader can see and an import
 * can read back:
 * - an internal passage is wrapped in `{internal}…{/internal}`; an internal, required or
 *   helped section heading ends in `{internal required help="…"}`;
 * - a live block stays its `::live{…}` directive, followed by what it showed at export time and a
 *   closing `::/live` line: an import keeps the live block and drops that snapshot.
 * An import fails closed: an `{internal}` never closed keeps everything after it internal.
 */
const OPEN = "{internal}";
const CLOSE = "{/internal}";
const MARKER = /\{\/?internal\}/;
const HEADING_ATTRS = / \{((?:internal|required|help="(?:[^"\\]|\\.)*")(?: (?:internal|required|help="(?:[^"\\]|\\.)*"))*)\}$/;
const LIVE_OPEN = /^::live\{kind=(summary|timeline|tasks)(?: scope=(starred|all))?\}$/;
const LIVE_CLOSE = "::/live";

const isInternal = (node: JSONContent) => node.type === "text" && (node.marks ?? []).some((m) => m.type === "internal");
const withoutInternalMark = ({ marks, ...rest }: JSONContent): JSONContent => {
  const kept = (marks ?? []).filter((m) => m.type !== "internal");
  return kept.length ? { ...rest, marks: kept } : rest;
};

function headingSuffix(attrs: Record<string, unknown> | undefined): string {
  const parts = [attrs?.internal === true ? "internal" : null, attrs?.required === true ? "required" : null, typeof attrs?.help === "string" && attrs.help ? `help=${JSON.stringify(attrs.help)}` : null].filter(Boolean);
  return parts.length ? ` {${parts.join(" ")}}` : "";
}

/** Internal runs of text get visible markers; section headings carry their attributes as text. */
function markForExport(node: JSONContent): JSONContent {
  if (!node.content) return node;
  const content: JSONContent[] = [];
  let inRun = false;
  for (const child of node.content) {
    const internal = isInternal(child);
    if (internal && !inRun) content.push({ type: "text", text: OPEN });
    if (!internal && inRun) content.push({ type: "text", text: CLOSE });
    inRun = internal;
    content.push(internal ? withoutInternalMark(child) : markForExport(child));
  }
  if (inRun) content.push({ type: "text", text: CLOSE });
  const suffix = node.type === "heading" ? headingSuffix(node.attrs) : "";
  if (suffix) content.push({ type: "text", text: suffix });
  return { ...node, content };
}

/** The document body as an export writes it; `snapshot` says what each live block shows now. */
export function documentToMarkdownFile(json: JSONContent, snapshot: (directive: RegExpExecArray) => string): string {
  let fenced = false;
  return documentToMarkdown(markForExport(cleanDocument(json)))
    .split("\n")
    .map((line) => {
      if (line.startsWith("```")) fenced = !fenced;
      const live = fenced ? null : LIVE_OPEN.exec(line.trim());
      return live ? `${line}\n\n${snapshot(live)}\n\n${LIVE_CLOSE}` : line;
    })
    .join("\n");
}

/** Drops what a live block showed at export time; the directive itself comes back as the live block. */
function withoutLiveSnapshots(source: string): string {
  const out: string[] = [];
  const lines = source.split("\n");
  let fenced = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.startsWith("```")) fenced = !fenced;
    out.push(line);
    if (fenced || !LIVE_OPEN.test(line.trim())) continue;
    const end = lines.findIndex((l, j) => j > i && l.trim() === LIVE_CLOSE);
    if (end !== -1) i = end;
  }
  return out.join("\n");
}

type Restore = { internal: boolean };

function splitMarkers(node: JSONContent, state: Restore): JSONContent[] {
  const pieces = (node.text ?? "").split(/(\{\/?internal\})/);
  const out: JSONContent[] = [];
  for (const piece of pieces) {
    if (piece === OPEN) state.internal = true;
    else if (piece === CLOSE) state.internal = false;
    else if (piece) out.push({ ...node, text: piece, ...(state.internal ? { marks: [...(node.marks ?? []), { type: "internal" }] } : {}) });
  }
  return out;
}

function restoreHeading(node: JSONContent): JSONContent {
  const content = [...(node.content ?? [])];
  const last = content.at(-1);
  const match = last?.type === "text" && last.text ? HEADING_ATTRS.exec(last.text) : null;
  if (!last || !match?.[1]) return node;
  const attrs: Record<string, unknown> = { ...node.attrs };
  for (const part of match[1].match(/internal|required|help="(?:[^"\\]|\\.)*"/g) ?? []) {
    if (part === "internal" || part === "required") attrs[part] = true;
    else attrs.help = JSON.parse(part.slice("help=".length)) as string;
  }
  const text = (last.text ?? "").slice(0, match.index);
  content.splice(-1, 1, ...(text ? [{ ...last, text }] : []));
  return { ...node, attrs, content };
}

function restore(original: JSONContent, state: Restore): JSONContent {
  // A heading's attributes first: `{internal}` at its end names the section, not a passage.
  const node = original.type === "heading" ? restoreHeading(original) : original;
  if (node.type === "codeBlock" || !node.content) return node;
  const content = node.content.flatMap((child) => {
    if (child.type === "text" && MARKER.test(child.text ?? "")) return splitMarkers(child, state);
    if (child.type === "text" && state.internal) return [{ ...child, marks: [...(child.marks ?? []), { type: "internal" }] }];
    return [restore(child, state)];
  });
  return { ...node, content };
}

/** Markdown (an export, or any Markdown) to a document; CRLF and CR line ends are read as LF. */
export function markdownFileToDocument(source: string): JSONContent {
  const text = source.replace(/\r\n?/g, "\n");
  return restore(markdownToDocument(withoutLiveSnapshots(text)), { internal: false });
}
