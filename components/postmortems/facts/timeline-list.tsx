import { Moment } from "@/components/time/moment";
import { KIND_STYLE, KindIcon } from "@/components/timeline/kinds";
import { cx } from "@/components/ui/cx";
import { Markdown } from "@/components/markdown/markdown";
import type { PostmortemFacts } from "@/lib/postmortems/facts";
import { dayChanges } from "@/lib/time/zoned";

/** The incident's timeline (starred events, or all), each with its kind's colour and icon and its time in the incident's zone. */
export function TimelineList({ events, timeZone, scope }: { events: PostmortemFacts["events"]; timeZone: string; scope: "starred" | "all" }) {
  const shown = scope === "starred" ? events.filter((e) => e.starred) : events;
  if (shown.length === 0) {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {scope === "starred" ? "No starred events yet. Star the key moments on the incident's timeline, or show all events." : "The incident's timeline is empty."}
      </p>
    );
  }
  const dated = dayChanges(shown.map((e) => new Date(e.occurredAt)), timeZone);
  return (
    <ol className="space-y-2 text-sm">
      {shown.map((event, i) => (
        <li key={event.id} className="grid gap-x-3 sm:grid-cols-[auto_minmax(0,1fr)]">
          <span className={cx("mt-0.5 inline-flex items-center gap-1 font-mono text-xs whitespace-nowrap", KIND_STYLE[event.kind].text)}>
            <KindIcon kind={event.kind} />
            <Moment date={event.occurredAt} timeZone={timeZone} withDate={dated[i]} />
          </span>
          <span className="min-w-0 break-words">
            <span className={cx("mr-1.5 text-xs font-semibold uppercase tracking-wide", KIND_STYLE[event.kind].text)}>{KIND_STYLE[event.kind].label}</span>
            <Markdown className="prose-hindsight inline-block align-top [&>p]:inline">{event.body}</Markdown>
          </span>
        </li>
      ))}
    </ol>
  );
}
