import { cx } from "@/components/ui/cx";

/** A disclosure menu that works without JavaScript (details/summary) and by keyboard. Phones get no chevron: the header must fit 360 px. */
export function Menu({ label, summary, align = "left", children }: { label: string; summary: React.ReactNode; align?: "left" | "right"; children: React.ReactNode }) {
  return (
    <details className="group relative">
      {/* The name comes from the content (label first, then what is shown), so it contains the visible text. */}
      <summary
        className="flex cursor-pointer list-none items-center gap-1 rounded-md px-1.5 py-1.5 text-sm sm:gap-2 sm:px-2 hover:bg-zinc-100 dark:hover:bg-zinc-800 [&::-webkit-details-marker]:hidden"
      >
        <span className="sr-only">{label} </span>
        {summary}
        <svg aria-hidden="true" viewBox="0 0 20 20" className="hidden size-4 text-zinc-500 transition-transform group-open:rotate-180 sm:block">
          <path d="M5 8l5 5 5-5" stroke="currentColor" strokeWidth="1.5" fill="none" strokeLinecap="round" />
        </svg>
      </summary>
      <div
        className={cx(
          "absolute z-30 mt-2 w-64 rounded-lg bg-white p-1.5 shadow-lg ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-700",
          align === "right" ? "right-0" : "left-0",
        )}
      >
        {children}
      </div>
    </details>
  );
}
