import type { JSONContent } from "@tiptap/core";
import type { PostmortemFacts } from "@/lib/postmortems/facts";

const levelOf = (node: JSONContent) => (typeof node.attrs?.level === "number" ? node.attrs.level : 2);

function hasWords(node: JSONContent): boolean {
  if (node.type === "text") return Boolean(node.text?.trim());
  if (node.type === "image" || node.type === "horizontalRule" || node.type === "liveBlock") return true;
  if (node.type === "codeBlock") return (node.content ?? []).some(hasWords);
  return (node.content ?? []).some(hasWords);
}

/**
 * Where the document is shown: a public page opens with the summary card, so its summary block shows
 * nothing there; an export writes the summary out where the block stands.
 */
export type ShownIn = "public" | "export";

/** Whether a live block shows anything in that place. */
function showsSomething(node: JSONContent, facts: PostmortemFacts, shownIn: ShownIn): boolean {
  const kind = node.attrs?.kind;
  if (kind === "summary") return shownIn === "export";
  if (kind === "timeline") return (node.attrs?.scope === "all" ? facts.events : facts.events.filter((e) => e.starred)).length > 0;
  if (kind === "tasks") return facts.tasks.length > 0;
  return false;
}

/**
 * The document without sections that would show a bare heading: no words of their own, no
 * subsection with words, and no live block with something to show. Blocks that show nothing go too.
 * One rule for the public page, its print and the exports.
 */
export function withoutEmptySections(doc: JSONContent, facts: PostmortemFacts, shownIn: ShownIn): JSONContent {
  const nodes = (doc.content ?? []).filter((node) => node.type !== "liveBlock" || showsSomething(node, facts, shownIn));
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
