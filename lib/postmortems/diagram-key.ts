import { createHash } from "node:crypto";
import type { JSONContent } from "@tiptap/core";

/** A diagram is known by its source (trailing whitespace aside), so a picture always matches its text. */
export function diagramKey(source: string): string {
  return createHash("sha256").update(source.replace(/\s+$/, "")).digest("hex");
}

/** The source of every Mermaid block in a document, in order. */
export function mermaidSources(node: JSONContent): string[] {
  if (node.type === "codeBlock" && node.attrs?.language === "mermaid") return [(node.content ?? []).map((child) => child.text ?? "").join("")];
  return (node.content ?? []).flatMap(mermaidSources);
}
