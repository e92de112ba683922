"use client";

import { useState } from "react";
import { useEditorState, type Editor } from "@tiptap/react";
import { cx } from "@/components/ui/cx";
import type { LiveBlockKind } from "@/lib/postmortems/editor/live-block";

type ToolProps = { label: string; onClick: () => void; active?: boolean; disabled?: boolean; children: React.ReactNode };

function Tool({ label, onClick, active, disabled, children }: ToolProps) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={active ?? undefined}
      disabled={disabled}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
      className={cx(
        "inline-flex h-8 min-w-8 items-center justify-center whitespace-nowrap rounded px-1.5 text-sm text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-brand-500 disabled:opacity-40 dark:text-zinc-200 dark:hover:bg-zinc-800",
        active && "bg-zinc-200 text-zinc-950 dark:bg-zinc-700 dark:text-white",
      )}
    >
      {children}
    </button>
  );
}

const Divider = () => <span aria-hidden="true" className="mx-1 h-5 w-px bg-zinc-200 dark:bg-zinc-700" />;

const MERMAID_SAMPLE = "graph LR\n  Alert[Alert fires] --> Triage\n  Triage --> Fix[Deploy the fix]\n  Fix --> Verify";

/** Formatting, structure, live blocks, diagrams, images, internal passages and comments. */
export function Toolbar({ editor, onImage, onComment, canComment }: { editor: Editor; onImage: (file: File) => void; onComment: () => void; canComment: boolean }) {
  const [linkOpen, setLinkOpen] = useState(false);
  const [href, setHref] = useState("");
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      strike: e.isActive("strike"),
      code: e.isActive("code"),
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      bullet: e.isActive("bulletList"),
      ordered: e.isActive("orderedList"),
      quote: e.isActive("blockquote"),
      link: e.isActive("link"),
      internal: e.isActive("internal"),
      empty: e.state.selection.empty,
    }),
  });
  const chain = () => editor.chain().focus();
  const insertLive = (kind: LiveBlockKind) => chain().insertContent({ type: "liveBlock", attrs: { kind, scope: "starred" } }).run();

  return (
    <div role="toolbar" aria-label="Formatting" className="flex flex-wrap items-center gap-0.5 border-b border-zinc-200 px-2 py-1 dark:border-zinc-800">
      <Tool label="H2 heading" active={state.h2} onClick={() => chain().toggleHeading({ level: 2 }).run()}>H2</Tool>
      <Tool label="H3 subheading" active={state.h3} onClick={() => chain().toggleHeading({ level: 3 }).run()}>H3</Tool>
      <Divider />
      <Tool label="Bold" active={state.bold} onClick={() => chain().toggleBold().run()}><b>B</b></Tool>
      <Tool label="Italic" active={state.italic} onClick={() => chain().toggleItalic().run()}><i>I</i></Tool>
      <Tool label="Strikethrough" active={state.strike} onClick={() => chain().toggleStrike().run()}><s>S</s></Tool>
      <Tool label="Inline code" active={state.code} onClick={() => chain().toggleCode().run()}><code className="text-xs">{"<>"}</code></Tool>
      <Tool
        label="Link"
        active={state.link}
        onClick={() => {
          setHref(typeof editor.getAttributes("link").href === "string" ? editor.getAttributes("link").href : "");
          setLinkOpen((open) => !open);
        }}
      >
        Link
      </Tool>
      <Divider />
      <Tool label="Bulleted list" active={state.bullet} onClick={() => chain().toggleBulletList().run()}>• List</Tool>
      <Tool label="1. List, numbered" active={state.ordered} onClick={() => chain().toggleOrderedList().run()}>1. List</Tool>
      <Tool label="Quote" active={state.quote} onClick={() => chain().toggleBlockquote().run()}>“ ”</Tool>
      <Tool label="Code block" onClick={() => chain().toggleCodeBlock().run()}>{"{ }"}</Tool>
      <Tool label="Table" onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}>Table</Tool>
      <Tool label="Mermaid diagram" onClick={() => chain().insertContent({ type: "codeBlock", attrs: { language: "mermaid" }, content: [{ type: "text", text: MERMAID_SAMPLE }] }).run()}>Diagram</Tool>
      <label className="inline-flex h-8 cursor-pointer items-center rounded px-1.5 text-sm text-zinc-700 focus-within:outline-2 focus-within:outline-brand-500 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800">
        Image
        <input
          type="file"
          accept="image/png,image/jpeg,image/gif,image/webp"
          className="sr-only"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) onImage(file);
            e.target.value = "";
          }}
        />
      </label>
      <Divider />
      <label className="inline-flex items-center gap-1 text-sm text-zinc-700 dark:text-zinc-200">
        <span className="sr-only">Insert a live block</span>
        <select
          value=""
          onChange={(e) => {
            if (e.target.value) insertLive(e.target.value as LiveBlockKind);
          }}
          className="h-8 rounded border border-zinc-300 bg-white px-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        >
          <option value="">Live block…</option>
          <option value="summary">Incident summary</option>
          <option value="timeline">Timeline</option>
          <option value="tasks">Tasks</option>
        </select>
      </label>
      <Tool label="Internal: leave this passage out of public editions" active={state.internal} disabled={state.empty && !state.internal} onClick={() => chain().toggleMark("internal").run()}>
        Internal
      </Tool>
      {canComment && (
        <Tool label="Comment on the selected text" disabled={state.empty} onClick={onComment}>
          Comment
        </Tool>
      )}
      {linkOpen && (
        <form
          className="flex w-full items-center gap-2 pt-1"
          onSubmit={(e) => {
            e.preventDefault();
            if (href.trim()) chain().extendMarkRange("link").setLink({ href: href.trim() }).run();
            else chain().extendMarkRange("link").unsetLink().run();
            setLinkOpen(false);
          }}
        >
          <label className="flex flex-1 items-center gap-2 text-sm">
            <span>Link to</span>
            <input
              autoFocus
              type="url"
              value={href}
              onChange={(e) => setHref(e.target.value)}
              placeholder="https://…"
              className="h-8 flex-1 rounded border border-zinc-300 bg-white px-2 dark:border-zinc-700 dark:bg-zinc-900"
            />
          </label>
          <button type="submit" className="h-8 rounded bg-brand-600 px-3 text-sm text-white">Apply</button>
          <button type="button" className="h-8 rounded px-2 text-sm" onClick={() => setLinkOpen(false)}>Cancel</button>
        </form>
      )}
    </div>
  );
}
