import { Temporal } from "temporal-polyfill";
import { EmptyState } from "@/components/ui/empty-state";
import { groupByDay } from "@/components/timeline/gaps";
import { formatDuration } from "@/lib/incidents/durations";
import type { TimelineEntry } from "@/lib/timeline/queries";
import { Markdown } from "@/components/markdown/markdown";
import { EventItem } from "./event-item";

type Props = {
  entries: TimelineEntry[];
  timeZone: string;
  teamId: string;
  compact: boolean;
  editableIds: Set<string>;
  canStar: boolean;
  /** Prefix of the "turn into a task" link; the event id is appended. */
  taskLink?: string;
};

function dayHeading(day: string): string {
  return Temporal.PlainDate.from(day).toLocaleString("en-US", { weekday: "long", month: "long", day: "numeric", year: "numeric" });
}

/** The story of the incident, grouped by day in its zone, with long silences made visible. */
export function TimelineView({ entries, timeZone, teamId, compact, editableIds, canStar, taskLink }: Props) {
  if (entries.length === 0) {
    return <EmptyState title="The timeline is empty">Add what you saw, tried and decided, as it happens — or afterwards, with the time it happened.</EmptyState>;
  }
  return (
    <div className="space-y-6" data-testid="timeline">
      {groupByDay(entries, timeZone).map((group) => (
        <section key={group.day} aria-label={dayHeading(group.day)}>
          <h3 className="sticky top-14 z-10 -mx-1 bg-zinc-50/95 px-1 py-1 text-xs font-semibold tracking-wide text-zinc-600 uppercase backdrop-blur dark:bg-zinc-950/95 dark:text-zinc-400">
            {dayHeading(group.day)}
          </h3>
          <ol className={compact ? "mt-2 divide-y divide-zinc-200 rounded-lg bg-white ring-1 ring-zinc-200 dark:divide-zinc-800 dark:bg-zinc-900 dark:ring-zinc-800" : "relative mt-3 ml-3 border-l-2 border-zinc-200 dark:border-zinc-800"}>
            {group.items.map(({ item, gapBefore }) => (
              <li key={item.id} className={compact ? "" : "relative pl-6"}>
                {gapBefore !== null && !compact && (
                  <p className="mb-4 rounded bg-zinc-100 px-2 py-1 text-xs text-zinc-600 italic dark:bg-zinc-900 dark:text-zinc-400" data-testid="timeline-gap">
                    ⋮ {formatDuration(gapBefore)} with nothing recorded
                  </p>
                )}
                <EventItem
                  entry={item}
                  body={item.source === "SYSTEM" ? <p>{item.body}</p> : <Markdown>{item.body}</Markdown>}
                  timeZone={timeZone}
                  teamId={teamId}
                  compact={compact}
                  canEdit={editableIds.has(item.id)}
                  canStar={canStar}
                  taskHref={taskLink && item.source === "USER" ? `${taskLink}${item.id}#tasks` : undefined}
                />
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
