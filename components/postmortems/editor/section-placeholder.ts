import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { Node } from "@tiptap/pm/model";

function isEmptyParagraph(node: Node): boolean {
  return node.type.name === "paragraph" && node.childCount === 0;
}

/** Decorations showing each section's help text in its empty first paragraph (the template's guidance). */
function sectionHelpDecorations(doc: Node): DecorationSet {
  const decorations: Decoration[] = [];
  let help: string | null = null;
  doc.forEach((node, offset) => {
    if (node.type.name === "heading") {
      help = typeof node.attrs.help === "string" && node.attrs.help ? node.attrs.help : "Write here…";
      return;
    }
    if (node.type.name === "liveBlock") return;
    if (help && isEmptyParagraph(node)) {
      decorations.push(Decoration.node(offset, offset + node.nodeSize, { class: "is-empty", "data-placeholder": help }));
    }
    help = null;
  });
  if (doc.childCount === 1 && doc.firstChild && isEmptyParagraph(doc.firstChild)) {
    decorations.push(Decoration.node(0, doc.firstChild.nodeSize, { class: "is-empty", "data-placeholder": "Start writing the postmortem…" }));
  }
  return DecorationSet.create(doc, decorations);
}

/** While a section is empty, its help text shows where you would type (editors only). */
export const SectionPlaceholder = Extension.create({
  name: "sectionPlaceholder",
  addProseMirrorPlugins() {
    const editor = this.editor;
    return [
      new Plugin({
        key: new PluginKey("sectionPlaceholder"),
        props: { decorations: (state) => (editor.isEditable ? sectionHelpDecorations(state.doc) : null) },
      }),
    ];
  },
});
