import type { JSONContent } from "@tiptap/core";
import type { PostmortemFacts } from "@/lib/postmortems/facts";

/** Replaces members' names in one piece of text (see PeopleMatcher.replace). */
export type Rename = (text: string) => string;

// Attributes whose words a reader sees: image alt text and titles. Addresses (src, href) are left alone.
const TEXT_ATTRS = ["alt", "title"] as const;

/**
 * The document with members' names replaced in every text node (headings, tables, link text,
 * code) and alt text. A link whose address names someone (mailto:dana@…) keeps its text only.
 */
export function renameInDocument(node: JSONContent, rename: Rename): JSONContent {
  const next: JSONContent = { ...node };
  if (typeof node.text === "string") next.text = rename(node.text);
  if (node.marks) {
    next.marks = node.marks.filter((mark) => !(mark.type === "link" && typeof mark.attrs?.href === "string" && rename(mark.attrs.href) !== mark.attrs.href));
    if (next.marks.length === 0) delete next.marks;
  }
  if (node.attrs) {
    const attrs = { ...node.attrs };
    for (const key of TEXT_ATTRS) if (typeof attrs[key] === "string") attrs[key] = rename(attrs[key] as string);
    next.attrs = attrs;
  }
  if (node.content) next.content = node.content.map((child) => renameInDocument(child, rename));
  return next;
}

export function renameInFacts(facts: PostmortemFacts, rename: Rename): PostmortemFacts {
  const { incident } = facts;
  return {
    incident: { ...incident, title: rename(incident.title), summary: rename(incident.summary), impact: rename(incident.impact), rootCause: rename(incident.rootCause), resolution: rename(incident.resolution) },
    events: facts.events.map((e) => ({ ...e, body: rename(e.body) })),
    tasks: facts.tasks.map((t) => ({ ...t, title: rename(t.title) })),
  };
}

const decode = (text: string) => text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
const encode = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A drawn diagram with members' names replaced in the words it shows (text between tags; styles untouched). */
export function renameInSvg(svg: string, rename: Rename): string {
  return svg.replace(/(<style[\s\S]*?<\/style>)|>([^<]+)</gi, (whole, style: string | undefined, text: string | undefined) => {
    if (style !== undefined || text === undefined) return whole;
    const renamed = rename(decode(text));
    return renamed === decode(text) ? whole : `>${encode(renamed)}<`;
  });
}
