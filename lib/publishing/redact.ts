import type { JSONContent } from "@tiptap/core";
import { cleanDocument } from "@/lib/postmortems/document";
import type { PostmortemFacts } from "@/lib/postmortems/facts";

/** Drops text marked internal; an inline node left with no text disappears with it. */
function withoutInternalText(node: JSONContent): JSONContent | null {
  if (node.type === "text") return node.marks?.some((m) => m.type === "internal") ? null : node;
  if (!node.content) return node;
  const content = node.content.map(withoutInternalText).filter((child): child is JSONContent => child !== null);
  return { ...node, content };
}

/**
 * The document as the public may read it: no comments, no unsafe links, no passage marked
 * internal, and no section whose heading is marked internal (up to the next heading of the same
 * or a higher level).
 */
export function redactDocument(json: JSONContent): JSONContent {
  const clean = cleanDocument(json);
  const kept: JSONContent[] = [];
  let hiddenLevel: number | null = null;
  for (const node of clean.content ?? []) {
    if (node.type === "heading") {
      const level = typeof node.attrs?.level === "number" ? node.attrs.level : 2;
      if (hiddenLevel !== null && level <= hiddenLevel) hiddenLevel = null;
      if (hiddenLevel === null && node.attrs?.internal === true) hiddenLevel = level;
    }
    if (hiddenLevel !== null) continue;
    const redacted = withoutInternalText(node);
    if (redacted) kept.push(redacted);
  }
  return { ...clean, content: kept };
}

/**
 * The incident's facts as the public may read them: no internal events or tasks, no people's
 * names, and none of Hindsight's own timeline lines (they narrate tasks, reviews and people).
 */
export function redactFacts(facts: PostmortemFacts): PostmortemFacts {
  return {
    incident: { ...facts.incident, commander: null },
    events: facts.events.filter((e) => !e.internal && !e.system).map((e) => ({ ...e, author: null })),
    tasks: facts.tasks.filter((t) => !t.internal).map((t) => ({ ...t, owner: null })),
  };
}
