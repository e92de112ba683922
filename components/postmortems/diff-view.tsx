import type { DiffBlock } from "@/lib/postmortems/diff";
import { cx } from "@/components/ui/cx";

const LINE_TONE = {
  same: "text-zinc-700 dark:text-zinc-300",
  added: "bg-emerald-50 text-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-100",
  removed: "bg-red-50 text-red-900 dark:bg-red-950/40 dark:text-red-100",
  changed: "bg-amber-50/60 dark:bg-amber-950/20",
} as const;
const MARKER = { same: " ", added: "+", removed: "−", changed: "~" } as const;
const MARKER_LABEL = { same: "unchanged", added: "added", removed: "removed", changed: "changed" } as const;

/** A Markdown diff: added and removed lines and words are marked by sign and by underline/strike, not by colour alone. */
export function DiffView({ blocks }: { blocks: DiffBlock[] }) {
  return (
    <div className="overflow-x-auto rounded-lg ring-1 ring-zinc-200 dark:ring-zinc-800">
      <ol className="min-w-full font-mono text-[13px] leading-6">
        {blocks.map((block, i) =>
          block.kind === "skipped" ? (
            <li key={i} className="bg-zinc-50 px-3 py-1 text-xs text-zinc-500 dark:bg-zinc-900">
              {block.count} unchanged {block.count === 1 ? "line" : "lines"}
            </li>
          ) : (
            block.lines.map((line, j) => (
              <li key={`${i}-${j}`} className={cx("flex gap-3 px-3 whitespace-pre-wrap break-words", LINE_TONE[line.kind])}>
                <span aria-label={MARKER_LABEL[line.kind]} className="w-3 shrink-0 select-none text-zinc-600 dark:text-zinc-400">{MARKER[line.kind]}</span>
                <span className="min-w-0">
                  {line.segments.map((segment, k) =>
                    segment.change === "added" && line.kind === "changed" ? (
                      <ins key={k} className="bg-emerald-200/70 underline decoration-emerald-600 dark:bg-emerald-800/60">{segment.text}</ins>
                    ) : segment.change === "removed" && line.kind === "changed" ? (
                      <del key={k} className="bg-red-200/70 decoration-red-600 dark:bg-red-800/60">{segment.text}</del>
                    ) : line.kind === "removed" ? (
                      <del key={k} className="no-underline">{segment.text}</del>
                    ) : line.kind === "added" ? (
                      <ins key={k} className="no-underline">{segment.text}</ins>
                    ) : (
                      <span key={k}>{segment.text || " "}</span>
                    ),
                  )}
                </span>
              </li>
            ))
          ),
        )}
      </ol>
    </div>
  );
}
