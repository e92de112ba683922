import { Mark, mergeAttributes } from "@tiptap/core";

/**
 * Anchors a comment thread to a passage. The mark travels with the text through every edit
 * (it is part of the shared document), so the thread stays attached to what it discusses.
 */
export const CommentMark = Mark.create({
  name: "comment",
  inclusive: false,
  excludes: "",

  addAttributes() {
    return { threadId: { default: null, parseHTML: (el) => el.getAttribute("data-thread-id") } };
  },

  parseHTML() {
    return [{ tag: "span[data-thread-id]" }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["span", mergeAttributes(HTMLAttributes, { "data-thread-id": HTMLAttributes.threadId, class: "comment-anchor" }), 0];
  },

  // Comments are discussion, not content: Markdown exports and hashes leave them out.
  renderMarkdown: (_node, helpers) => helpers.renderChildren(_node.content ?? []),
});
