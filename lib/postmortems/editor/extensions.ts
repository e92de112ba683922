import type { AnyExtension, NodeViewRenderer } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import CodeBlock from "@tiptap/extension-code-block";
import { TableKit } from "@tiptap/extension-table";
import Image from "@tiptap/extension-image";
import { LiveBlock } from "@/lib/postmortems/editor/live-block";
import { CommentMark } from "@/lib/postmortems/editor/comment-mark";
import { InternalMark } from "@/lib/postmortems/editor/internal-mark";
import { SectionHeading } from "@/lib/postmortems/editor/section-heading";
import { isSafeImageUrl, isSafeLinkUrl } from "@/lib/postmortems/editor/safe-url";

/** Any client can write any attribute into the shared document, so an unsafe source is dropped when rendered. */
const SafeImage = Image.extend({
  renderHTML({ HTMLAttributes }) {
    const src = typeof HTMLAttributes.src === "string" && isSafeImageUrl(HTMLAttributes.src) ? HTMLAttributes.src : "";
    return ["img", { ...HTMLAttributes, src }];
  },
});

/** Browser-only renderings of nodes; they change how a node looks, never what it is. */
export type NodeViews = { liveBlock?: NodeViewRenderer; codeBlock?: NodeViewRenderer };

/**
 * The document's schema, shared by the browser editor, the collaboration server and every
 * conversion (Markdown, hash, templates). The browser adds only behaviour (node views,
 * collaboration, placeholders) on top, never nodes or marks, so both ends read the same document.
 */
export function documentExtensions(views: NodeViews = {}): AnyExtension[] {
  const withView = <T extends AnyExtension>(extension: T, view: NodeViewRenderer | undefined): AnyExtension =>
    view ? extension.extend({ addNodeView: () => view }) : extension;
  return [
    StarterKit.configure({
      undoRedo: false,
      heading: false,
      codeBlock: false,
      link: { openOnClick: false, autolink: true, defaultProtocol: "https", isAllowedUri: (url) => isSafeLinkUrl(url) },
    }),
    SectionHeading,
    withView(CodeBlock.configure({ defaultLanguage: null }), views.codeBlock),
    TableKit.configure({ table: { resizable: false } }),
    SafeImage.configure({ inline: false, allowBase64: false }),
    withView(LiveBlock, views.liveBlock),
    CommentMark,
    InternalMark,
  ];
}
