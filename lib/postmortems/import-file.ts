import type { JSONContent } from "@tiptap/core";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { cleanSingleLine, withoutControlCharacters } from "@/lib/validation";
import { normaliseDocument } from "@/lib/postmortems/document";
import { markdownFileToDocument } from "@/lib/postmortems/markdown-file";

export type ImportFile = { kind: "json" | "markdown"; title: string; content: JSONContent };

const refuse = (message: string) => new AppError("VALIDATION", "Please correct the highlighted fields.", { markdown: [message] });

const jsonExport = z.object({ title: z.string().optional(), document: z.looseObject({ type: z.literal("doc") }) });

/** Every string in the file without control characters (JSON escapes can carry NUL); emptied texts go. */
function cleanStrings(value: unknown): unknown {
  if (typeof value === "string") return withoutControlCharacters(value);
  if (Array.isArray(value)) return value.map(cleanStrings).filter((item) => !(item && typeof item === "object" && "type" in item && item.type === "text" && !("text" in item && item.text)));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, cleanStrings(item)]));
  return value;
}

/** A JSON export comes back exactly: the same nodes, marks and attributes, checked against the schema. */
function readJson(text: string): ImportFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw refuse("This looks like JSON but could not be read. Paste a Hindsight JSON export or Markdown.");
  }
  const file = jsonExport.safeParse(cleanStrings(parsed));
  if (!file.success) throw refuse("This JSON is not a Hindsight export: it has no document.");
  try {
    return { kind: "json", title: cleanSingleLine(file.data.title ?? "").slice(0, 200), content: normaliseDocument(file.data.document as JSONContent) };
  } catch {
    throw refuse("This export's document has parts this version of Hindsight does not know.");
  }
}

/** The title is the file's first `# heading`; the rest is the document. */
function readMarkdown(text: string): ImportFile {
  const heading = /^#\s+(.+)\n+/.exec(text);
  const body = heading ? text.slice(heading[0].length) : text;
  try {
    return { kind: "markdown", title: cleanSingleLine(heading?.[1] ?? "").slice(0, 200), content: markdownFileToDocument(body) };
  } catch {
    throw refuse("This Markdown could not be read.");
  }
}

export function readImportFile(text: string): ImportFile {
  return text.trimStart().startsWith("{") ? readJson(text) : readMarkdown(text);
}
