import Link from "next/link";
import type { ChartRef } from "@/components/insights/chart-types";

/** The incidents behind a clicked bar or point, with a link to all of them. */
export function PointList({ heading, refs, total, href, onClose }: { heading: string; refs: ChartRef[]; total: number | null; href?: string; onClose: () => void }) {
  return (
    <div className="mt-3 rounded-lg bg-zinc-50 p-3 text-sm ring-1 ring-zinc-200 dark:bg-zinc-800/50 dark:ring-zinc-700" role="region" aria-label={heading}>
      <div className="flex items-start justify-between gap-2">
        <p className="font-medium">{heading}</p>
        <button type="button" onClick={onClose} className="rounded px-1 text-zinc-600 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-zinc-400 dark:hover:text-zinc-100">
          Close<span className="sr-only"> the list</span>
        </button>
      </div>
      {refs.length === 0 ? (
        <p className="mt-1 text-zinc-600 dark:text-zinc-400">Nothing here.</p>
      ) : (
        <ul className="mt-2 space-y-1">
          {refs.map((r) => (
            <li key={r.href}>
              <Link href={r.href} className="text-brand-700 hover:underline dark:text-brand-100">
                <span className="font-mono">{r.label}</span> {r.title}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {href && (
        <p className="mt-2">
          <Link href={href} className="text-brand-700 underline dark:text-brand-100">
            {total !== null && total > refs.length ? `All ${total} in the incident list` : "Open in the incident list"}
          </Link>
        </p>
      )}
    </div>
  );
}
