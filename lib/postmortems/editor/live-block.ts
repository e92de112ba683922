import { Node, mergeAttributes } from "@tiptap/core";
import type { JSONContent, MarkdownToken } from "@tiptap/core";

export const LIVE_BLOCK_KINDS = ["summary", "timeline", "tasks"] as const;
export type LiveBlockKind = (typeof LIVE_BLOCK_KINDS)[number];
export type TimelineScope = "starred" | "all";

export type LiveBlockAttrs = { kind: LiveBlockKind; scope: TimelineScope };

export function liveBlockAttrs(attrs: Record<string, unknown> | undefined): LiveBlockAttrs {
  const kind = LIVE_BLOCK_KINDS.find((k) => k === attrs?.kind) ?? "summary";
  return { kind, scope: attrs?.scope === "all" ? "all" : "starred" };
}

/** The Markdown directive a live block stores as; lib/postmortems/markdown.ts expands it with the incident's facts. */
export function liveBlockDirective(attrs: LiveBlockAttrs): string {
  return attrs.kind === "timeline" ? `::live{kind=timeline scope=${attrs.scope}}` : `::live{kind=${attrs.kind}}`;
}

const DIRECTIVE = /^::live\{kind=(summary|timeline|tasks)(?: scope=(starred|all))?\}(?:\n|$)/;

/**
 * A block that shows the incident's facts (summary card, timeline, tasks). It holds no text:
 * what it shows is read from the incident when the document is viewed, so it never goes stale.
 */
export const LiveBlock = Node.create({
  name: "liveBlock",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    return {
      kind: { default: "summary", parseHTML: (el) => el.getAttribute("data-kind") ?? "summary" },
      scope: { default: "starred", parseHTML: (el) => el.getAttribute("data-scope") ?? "starred" },
    };
  },

  parseHTML() {
    return [{ tag: "div[data-live-block]" }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const attrs = liveBlockAttrs(node.attrs);
    return ["div", mergeAttributes(HTMLAttributes, { "data-live-block": "", "data-kind": attrs.kind, "data-scope": attrs.scope })];
  },

  markdownTokenizer: {
    name: "liveBlock",
    level: "block",
    start: (src: string) => src.indexOf("::live{"),
    tokenize: (src: string) => {
      const match = DIRECTIVE.exec(src);
      if (!match) return undefined;
      return { type: "liveBlock", raw: match[0], kind: match[1], scope: match[2] ?? "starred" };
    },
  },

  parseMarkdown: (token: MarkdownToken): JSONContent => ({
    type: "liveBlock",
    attrs: liveBlockAttrs({ kind: token.kind, scope: token.scope }),
  }),

  renderMarkdown: (node: JSONContent) => liveBlockDirective(liveBlockAttrs(node.attrs)),
});
