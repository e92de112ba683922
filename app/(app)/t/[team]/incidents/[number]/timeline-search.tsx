import Link from "next/link";

/** Search within this incident's timeline: a plain GET form, so results have a URL and work without script. */
export function TimelineSearch({ action, query, compact }: { action: string; query?: string; compact: boolean }) {
  return (
    <form action={action} role="search" className="flex min-w-0 flex-1 items-center justify-end gap-2 text-sm">
      {compact && <input type="hidden" name="view" value="list" />}
      <label htmlFor="timeline-q" className="sr-only">Search this timeline</label>
      <input
        id="timeline-q"
        name="q"
        type="search"
        defaultValue={query}
        placeholder="Search this timeline"
        maxLength={200}
        className="h-8 w-full max-w-56 rounded-md bg-white px-2.5 ring-1 ring-zinc-300 ring-inset focus-visible:outline-2 focus-visible:outline-brand-500 dark:bg-zinc-900 dark:ring-zinc-700"
      />
      {query && (
        <Link href={compact ? `${action}?view=list` : action} className="whitespace-nowrap text-zinc-600 underline underline-offset-2 dark:text-zinc-400">
          Clear search
        </Link>
      )}
    </form>
  );
}
