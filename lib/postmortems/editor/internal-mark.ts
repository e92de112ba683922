import { Mark, mergeAttributes } from "@tiptap/core";

/** A passage only the team sees: public editions leave it out. Internal exports keep it. */
export const InternalMark = Mark.create({
  name: "internal",
  inclusive: true,

  parseHTML() {
    return [{ tag: "span[data-internal]" }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["span", mergeAttributes(HTMLAttributes, { "data-internal": "", class: "internal-passage", title: "Internal: left out of public editions" }), 0];
  },

  renderMarkdown: (node, helpers) => helpers.renderChildren(node.content ?? []),
});
