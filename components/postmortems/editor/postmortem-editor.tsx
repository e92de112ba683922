"use client";

import { useEffect, useState } from "react";
import { EditorContent, ReactNodeViewRenderer, useEditor, type Editor } from "@tiptap/react";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { NodeSelection, TextSelection } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { documentExtensions } from "@/lib/postmortems/editor/extensions";
import { FRAGMENT, MAX_PASTE_CHARS } from "@/lib/postmortems/limits";
import { Alert } from "@/components/ui/alert";
import { LiveBlockView } from "@/components/postmortems/editor/live-block-view";
import { CodeBlockView } from "@/components/postmortems/editor/code-block-view";
import { Toolbar } from "@/components/postmortems/editor/toolbar";
import { SectionPlaceholder } from "@/components/postmortems/editor/section-placeholder";
import type { CollabSession } from "@/components/postmortems/editor/use-collab-session";
import { colorFor } from "@/lib/collab/presence-colors";
import type { PendingComment } from "@/components/postmortems/comments/comments-panel";
import { DiagramKeeperContext } from "@/components/postmortems/editor/diagram-keeper";

const kb = (chars: number) => `${Math.round(chars / 1024)} KB`;

/** Typing while a live block is selected starts a paragraph after it instead of replacing the block. */
function typeAfterLiveBlock(view: EditorView, _from: number, _to: number, text: string): boolean {
  const { selection } = view.state;
  if (!(selection instanceof NodeSelection) || selection.node.type.name !== "liveBlock") return false;
  const paragraph = view.state.schema.nodes.paragraph?.create(null, view.state.schema.text(text));
  if (!paragraph) return false;
  const tr = view.state.tr.insert(selection.to, paragraph);
  view.dispatch(tr.setSelection(TextSelection.create(tr.doc, selection.to + 1 + text.length)).scrollIntoView());
  return true;
}

type Props = {
  session: CollabSession;
  user: { id: string; name: string };
  editable: boolean;
  canComment: boolean;
  uploadUrl: string;
  /** Where drawn Mermaid pictures are kept for the public page. */
  diagramsUrl: string;
  onComment: (pending: PendingComment) => void;
  onReady: (editor: Editor) => void;
  onThreads: (anchored: Set<string>, active: string | null) => void;
};

function threadsIn(editor: Editor): { anchored: Set<string>; active: string | null } {
  const anchored = new Set<string>();
  editor.state.doc.descendants((node) => {
    for (const mark of node.marks) if (mark.type.name === "comment" && typeof mark.attrs.threadId === "string") anchored.add(mark.attrs.threadId);
  });
  const mark = editor.state.selection.$from.marks().find((m) => m.type.name === "comment");
  return { anchored, active: typeof mark?.attrs.threadId === "string" ? mark.attrs.threadId : null };
}

/** The collaborative Tiptap editor: the shared Yjs document, others' carets, the toolbar, and guards against oversized pastes. */
export function PostmortemEditor({ session, user, editable, canComment, uploadUrl, diagramsUrl, onComment, onReady, onThreads }: Props) {
  const [notice, setNotice] = useState<{ tone: "error" | "info"; text: string } | null>(null);

  const editor = useEditor(
    {
      immediatelyRender: false,
      editable,
      extensions: [
        ...documentExtensions({ liveBlock: ReactNodeViewRenderer(LiveBlockView), codeBlock: ReactNodeViewRenderer(CodeBlockView) }),
        Collaboration.configure({ document: session.doc, field: FRAGMENT }),
        CollaborationCaret.configure({ provider: session.provider, user: { name: user.name, color: colorFor(user.id) } }),
        SectionPlaceholder,
      ],
      editorProps: {
        attributes: { class: "postmortem-doc", "aria-label": "Postmortem document", spellcheck: "true" },
        handleTextInput: typeAfterLiveBlock,
        // Halves of surrogate pairs reach everyone else as U+FFFD (updates carry UTF-8) and would
        // leave this copy different from theirs: paste them as U+FFFD here too.
        transformPastedText: (text) => text.toWellFormed(),
        transformPastedHTML: (html) => html.toWellFormed(),
        handlePaste: (_view, event) => {
          const size = Math.max(event.clipboardData?.getData("text/plain").length ?? 0, (event.clipboardData?.getData("text/html").length ?? 0) / 2);
          if (size <= MAX_PASTE_CHARS) return false;
          setNotice({ tone: "error", text: `That paste is about ${kb(size)}; one paste can be at most ${kb(MAX_PASTE_CHARS)}. Nothing was pasted — link to the source or paste it in parts.` });
          return true;
        },
      },
      onCreate: ({ editor: created }) => {
        onReady(created);
        const { anchored, active } = threadsIn(created);
        onThreads(anchored, active);
      },
      onUpdate: ({ editor: updated }) => {
        const { anchored, active } = threadsIn(updated);
        onThreads(anchored, active);
      },
      onSelectionUpdate: ({ editor: updated }) => {
        const { anchored, active } = threadsIn(updated);
        onThreads(anchored, active);
      },
    },
    [session],
  );

  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);

  async function upload(file: File) {
    if (!editor) return;
    setNotice({ tone: "info", text: `Uploading ${file.name}…` });
    const form = new FormData();
    form.set("file", file);
    try {
      const response = await fetch(uploadUrl, { method: "POST", body: form });
      const body: { url?: string; error?: { message: string } } = await response.json();
      if (!response.ok || !body.url) throw new Error(body.error?.message ?? "The image could not be uploaded.");
      editor.chain().focus().setImage({ src: body.url, alt: file.name.replace(/\.[a-z0-9]+$/i, "") }).run();
      setNotice(null);
    } catch (error) {
      setNotice({ tone: "error", text: error instanceof Error ? error.message : "The image could not be uploaded." });
    }
  }

  function comment() {
    if (!editor) return;
    const { from, to, empty } = editor.state.selection;
    if (empty) return;
    const quote = editor.state.doc.textBetween(from, to, " ").trim();
    if (quote) onComment({ quote, from, to });
  }

  if (!editor) return <div className="h-96 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-900" aria-hidden="true" />;
  return (
    <div className="rounded-lg border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-950">
      {editable && <Toolbar editor={editor} onImage={upload} onComment={comment} canComment={canComment} />}
      {notice && (
        <div className="px-4 pt-3">
          <Alert tone={notice.tone}>
            {notice.text}{" "}
            <button type="button" className="underline" onClick={() => setNotice(null)}>Dismiss</button>
          </Alert>
        </div>
      )}
      <DiagramKeeperContext.Provider value={editable ? diagramsUrl : null}>
        <EditorContent editor={editor} className="px-4 py-4 sm:px-8 sm:py-6" />
      </DiagramKeeperContext.Provider>
    </div>
  );
}
