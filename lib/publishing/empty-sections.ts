import type { JSONContent } from "@tiptap/core";
import type { PostmortemFacts } from "@/lib/postmortems/facts";

const levelOf = (node: JSONContent) => (typeof node.attrs?.level === "number" ? node.attrs.level : 2);

function hasWords(node: JSONContent): boolean {
  if (node.type === "text") return Boolean(node.text?.trim());
  if (node.type === "image" || node.type === "horizontalRule" || node.type === "liveBlock") return true;
  if (node.type === "codeBlock") return (node.content ?? []).some(hasWords);
  return (node.content ?? []).some(hasWords);
}

/** Whether a live block shows anything on a public page (the summary card always opens the page, so its block shows nothing). */
function showsSomething(node: JSONContent, facts: PostmortemFacts): boolean {
  const kind = node.attrs?.kind;
  if (kind === "timeline") return (node.attrs?.scope === "all" ? facts.events : facts.events.filter((e) => e.starred)).length > 0;
  if (kind === "tasks") return facts.tasks.length > 0;
  return false;
}

/**
 * The public document without sections that would show a bare heading: no words of their own, no
 * subsection with words, and no live block with something to show. Blocks that show nothing go too.
 */
export function withoutEmptySections(doc: JSONContent, facts: PostmortemFacts): JSONContent {
  const nodes = (doc.content ?? []).filter((node) => node.type !== "liveBlock" || showsSomething(node, facts));
  const kept = nodes.filter((node, i) => {
    if (node.type !== "heading") return true;
    for (let j = i + 1; j < nodes.length; j++) {
      const next = nodes[j]!;
      if (next.type === "heading") {
        if (levelOf(next) <= levelOf(node)) return false;
        continue;
      }
      if (hasWords(next)) return true;
    }
    return false;
  });
  return { ...doc, content: kept };
}
