import type { JSONContent } from "@tiptap/core";
import { plainText } from "@/lib/postmortems/document";

const hasWords = (node: JSONContent): boolean =>
  node.type !== "liveBlock" && (plainText(node).trim() !== "" || (node.content ?? []).some((child) => child.type === "image") || node.type === "image");

/**
 * Required sections with none of the team's own words: a live block shows the incident's facts,
 * but the section still asks for what the team makes of them.
 */
export function requiredSectionsWithoutWords(doc: JSONContent): string[] {
  const sections: { heading: string; required: boolean; written: boolean }[] = [];
  for (const node of doc.content ?? []) {
    if (node.type === "heading" && node.attrs?.level === 2) sections.push({ heading: plainText(node).trim(), required: node.attrs.required === true, written: false });
    else if (sections.length > 0 && hasWords(node)) sections[sections.length - 1]!.written = true;
  }
  return sections.filter((s) => s.required && !s.written).map((s) => s.heading);
}
