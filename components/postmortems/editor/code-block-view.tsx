"use client";

import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from "@tiptap/react";
import { MermaidPreview } from "@/components/postmortems/editor/mermaid-preview";

/** Code blocks; a block in the "mermaid" language also shows its diagram under the source. */
export function CodeBlockView({ node, updateAttributes, editor }: ReactNodeViewProps) {
  const language = typeof node.attrs.language === "string" ? node.attrs.language : "";
  const mermaid = language === "mermaid";
  return (
    <NodeViewWrapper className="my-3 overflow-hidden rounded-md border border-zinc-200 dark:border-zinc-700">
      <div contentEditable={false} className="flex items-center justify-between gap-2 bg-zinc-100 px-3 py-1 text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
        <span>{mermaid ? "Mermaid diagram" : "Code"}</span>
        {editor.isEditable && (
          <label className="flex items-center gap-1">
            <span className="sr-only">Language</span>
            <input
              value={language}
              placeholder="language"
              onChange={(e) => updateAttributes({ language: e.target.value.replace(/[^a-z0-9+#-]/gi, "").slice(0, 20) || null })}
              className="w-24 rounded border border-zinc-300 bg-white px-1 py-0.5 font-mono dark:border-zinc-600 dark:bg-zinc-900"
            />
          </label>
        )}
      </div>
      <pre className="m-0 overflow-x-auto bg-zinc-50 p-3 font-mono text-sm dark:bg-zinc-900">
        <NodeViewContent<"code"> as="code" />
      </pre>
      {mermaid && (
        <div contentEditable={false} className="border-t border-zinc-200 bg-white p-3 dark:border-zinc-700 dark:bg-zinc-950">
          <MermaidPreview source={node.textContent} />
        </div>
      )}
    </NodeViewWrapper>
  );
}
