"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { EmptyState } from "@/components/ui/empty-state";
import { groupByDay } from "@/components/timeline/gaps";
import { LazyMarkdown } from "@/components/timeline/lazy-markdown";
import { useLiveFeed } from "@/components/timeline/live-feed";
import { useHideSystemLines } from "@/components/timeline/system-lines-switch";
import { can, type Actor } from "@/lib/authz";
import { idle } from "@/lib/action-state";
import { formatDuration } from "@/lib/incidents/durations";
import { eventMenuAction } from "@/lib/timeline/actions";
import { formatDayHeading } from "@/lib/time/format";
import type { EventData } from "@/lib/timeline/event-data";
import { EventItem } from "./event-item";

export type TimelineSeed = {
  /** The newest events (or the newest matches of a search), oldest first. */
  events: EventData[];
  /** Server-rendered bodies, keyed `id@updatedAt`: a newer version is rendered in the browser instead. */
  bodies: Record<string, React.ReactNode>;
  /** Cursor of the events before the first one, null when the timeline starts there. */
  earlier: string | null;
  /** Starred events older than the first one, so key moments show without loading everything. */
  starredEarlier: EventData[];
};

type Props = {
  seed: TimelineSeed;
  timeZone: string;
  teamId: string;
  compact: boolean;
  viewer: NonNullable<Actor>;
  /** Prefix of the "turn into a task" link; the event id is appended. */
  taskLink?: string;
  live: { url: string; since: number; factsVersion: number };
  /** Route answering `?before=<cursor>` (and `&q=`) with older events as JSON. */
  eventsUrl: string;
  /** A search within the timeline: matches only, nothing new is added live. */
  query?: string;
};

const bodyKey = (e: EventData) => `${e.id}@${e.updatedAt}`;
const SUBMIT_WAIT_MS = 5_000;
/** The page has one timeline, and this id is repeated on every button that submits its actions form. */
const formId = "tl-actions";
const compareEvents = (a: EventData, b: EventData) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const newer = (a: EventData | undefined, b: EventData) => !a || Date.parse(a.updatedAt) <= Date.parse(b.updatedAt);

function withEvents(held: ReadonlyMap<string, EventData>, events: EventData[]): Map<string, EventData> {
  const next = new Map(held);
  for (const e of events) if (newer(next.get(e.id), e)) next.set(e.id, e);
  return next;
}

/**
 * What the timeline shows: the events this page holds (seeded by the server, loaded on demand),
 * each at its latest version from the live stream, plus live additions that fall inside the
 * loaded range (an older one appears when that part is loaded). Deleted events drop out.
 */
function visibleEvents(held: ReadonlyMap<string, EventData>, live: ReadonlyMap<string, EventData>, complete: boolean, addLive: boolean): EventData[] {
  const all = new Map(held);
  let first: EventData | undefined;
  for (const e of held.values()) if (!first || compareEvents(e, first) < 0) first = e;
  for (const e of live.values()) {
    const known = all.get(e.id);
    if (known) {
      if (newer(known, e)) all.set(e.id, e);
    } else if (addLive && (complete || !first || compareEvents(e, first) >= 0)) all.set(e.id, e);
  }
  return [...all.values()].filter((e) => !e.deleted).sort(compareEvents);
}

/** The story of the incident, grouped by day in its zone, with long silences made visible; newest part first loaded, kept live. */
export function TimelineView({ seed, timeZone, teamId, compact, viewer, taskLink, live, eventsUrl, query }: Props) {
  const router = useRouter();
  const feed = useLiveFeed(live.url, live.since);
  const [seen, setSeen] = useState(seed);
  const [held, setHeld] = useState(() => withEvents(new Map(), seed.events));
  const [earlier, setEarlier] = useState(seed.earlier);
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [menuState, menuAction, menuPending] = useActionState(eventMenuAction, idle);
  const [pendingOp, setPendingOp] = useState<string | null>(null);
  const refreshedFor = useRef(live.factsVersion);

  // While a form of this page is being submitted, new lines from the stream wait for the action's own
  // re-render: otherwise the writer would see their line before their form had reset, and could
  // start the next entry in a form about to be cleared.
  const [submitting, setSubmitting] = useState(false);
  useEffect(() => {
    const onSubmit = () => setSubmitting(true);
    document.addEventListener("submit", onSubmit, true);
    return () => document.removeEventListener("submit", onSubmit, true);
  }, []);
  useEffect(() => {
    if (!submitting) return;
    // A refused submission re-renders nothing; stop waiting after a while.
    const timer = setTimeout(() => setSubmitting(false), SUBMIT_WAIT_MS);
    return () => clearTimeout(timer);
  }, [submitting]);

  // A re-render from the server (after an action) brings a fresh seed: keep what was loaded, take the newer versions.
  if (seed !== seen) {
    setSeen(seed);
    setHeld(withEvents(held, seed.events));
    setSubmitting(false);
  }

  // The incident's own facts (status, times, details) changed elsewhere: re-read the page once for that version.
  useEffect(() => {
    if (feed.factsVersion === null || feed.factsVersion === live.factsVersion || feed.factsVersion === refreshedFor.current) return;
    refreshedFor.current = feed.factsVersion;
    router.refresh();
  }, [feed.factsVersion, live.factsVersion, router]);

  // While the incident's facts are ahead of this render (a status change, say), new lines wait for
  // the re-render that brings those facts, so the timeline never runs ahead of the header and forms.
  const factsAhead = feed.factsVersion !== null && feed.factsVersion > live.factsVersion;
  const [hideSystem, setHideSystem] = useHideSystemLines();
  const all = visibleEvents(held, feed.events, earlier === null, query === undefined && !factsAhead && !submitting);
  const systemCount = all.filter((e) => e.source === "SYSTEM").length;
  const entries = hideSystem ? all.filter((e) => e.source !== "SYSTEM") : all;
  const canStar = can(viewer, "timeline.star", { teamId });
  const actor = viewer;

  async function loadEarlier() {
    if (!earlier) return;
    setLoading(true);
    setLoadError(null);
    try {
      const params = new URLSearchParams({ before: earlier });
      if (query) params.set("q", query);
      const response = await fetch(`${eventsUrl}?${params}`, { headers: { accept: "application/json" } });
      if (!response.ok) throw new Error(String(response.status));
      const page = (await response.json()) as { events: EventData[]; earlier: string | null };
      setHeld((current) => withEvents(current, page.events));
      setEarlier(page.earlier);
    } catch {
      setLoadError("Earlier events could not be loaded. Try again.");
    } finally {
      setLoading(false);
    }
  }

  const starredEarlier = seed.starredEarlier.filter((s) => !held.has(s.id));

  const renderItem = (item: EventData, gapBefore: number | null, keyPrefix = "") => (
    <li key={keyPrefix + item.id} className={compact ? "" : "relative pl-6"}>
      {gapBefore !== null && !compact && (
        <p className="mb-4 rounded bg-zinc-100 px-2 py-1 text-xs text-zinc-600 italic dark:bg-zinc-900 dark:text-zinc-400" data-testid="timeline-gap">
          ⋮ {formatDuration(gapBefore)} with nothing recorded
        </p>
      )}
      <EventItem
        entry={item}
        body={seed.bodies[bodyKey(item)] ?? (item.source === "SYSTEM" ? <p>{item.body}</p> : <LazyMarkdown>{item.body}</LazyMarkdown>)}
        timeZone={timeZone}
        teamId={teamId}
        compact={compact}
        canEdit={can(actor, "timeline.edit", { teamId, authorId: item.source === "SYSTEM" ? null : item.author?.id })}
        canStar={canStar}
        taskHref={taskLink && item.source === "USER" ? `${taskLink}${item.id}#tasks` : undefined}
        formId={formId}
        pendingOp={menuPending ? pendingOp : null}
        editing={editingId === item.id}
        onEdit={setEditingId}
      />
    </li>
  );
  const listClass = compact
    ? "mt-2 divide-y divide-zinc-200 rounded-lg bg-white ring-1 ring-zinc-200 dark:divide-zinc-800 dark:bg-zinc-900 dark:ring-zinc-800"
    : "relative mt-3 ml-3 border-l-2 border-zinc-200 dark:border-zinc-800";

  return (
    <>
      <form
        id={formId}
        action={menuAction}
        onSubmit={(event) => {
          const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
          if (submitter?.value.startsWith("delete:") && !window.confirm("Delete this event? Its text stays in the history.")) {
            event.preventDefault();
            return;
          }
          setPendingOp(submitter?.value ?? null);
        }}
      >
        <input type="hidden" name="teamId" value={teamId} />
      </form>
      {menuState.status === "error" && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {menuState.error.message}
        </p>
      )}
      {systemCount > 0 && (
        <label className="inline-flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
          <input type="checkbox" checked={hideSystem} onChange={(e) => setHideSystem(e.target.checked)} className="size-4 rounded border-zinc-300 accent-brand-600" />
          Hide Hindsight’s own lines ({systemCount})
        </label>
      )}
      {entries.length === 0 && !earlier && !(hideSystem && systemCount > 0) ? (
        query !== undefined ? (
          <EmptyState title="No events match">Try other words, or clear the search to see the whole timeline.</EmptyState>
        ) : (
          <EmptyState title="The timeline is empty">Add what you saw, tried and decided, as it happens — or afterwards, with the time it happened.</EmptyState>
        )
      ) : (
        <div className="space-y-6" data-testid="timeline">
          {starredEarlier.length > 0 && (
            <section aria-label="Key events earlier in the incident" data-testid="starred-earlier">
              <h3 className="text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">★ Key events earlier in the incident</h3>
              <ol className="mt-2 divide-y divide-zinc-200 rounded-lg bg-white ring-1 ring-zinc-200 dark:divide-zinc-800 dark:bg-zinc-900 dark:ring-zinc-800">
                {starredEarlier.map((s) => (
                  <li key={s.id}>
                    <EventItem
                      entry={s}
                      body={seed.bodies[bodyKey(s)] ?? <LazyMarkdown>{s.body}</LazyMarkdown>}
                      timeZone={timeZone}
                      teamId={teamId}
                      compact
                      canEdit={false}
                      canStar={false}
                      formId={formId}
                      pendingOp={null}
                      editing={false}
                      onEdit={setEditingId}
                    />
                  </li>
                ))}
              </ol>
            </section>
          )}
          {earlier && (
            <div className="flex flex-wrap items-center gap-3 text-sm">
              <button
                type="button"
                onClick={loadEarlier}
                disabled={loading}
                className="inline-flex h-8 items-center rounded-md px-3 font-medium ring-1 ring-zinc-300 ring-inset hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-brand-500 disabled:opacity-60 dark:ring-zinc-700 dark:hover:bg-zinc-800"
              >
                {loading ? "Loading…" : "Show earlier events"}
              </button>
              {loadError && <span role="alert" className="text-red-700 dark:text-red-400">{loadError}</span>}
            </div>
          )}
          {groupByDay(entries, timeZone).map((group) => (
            <section key={group.day} aria-label={formatDayHeading(group.day)} className="render-when-near">
              <h3 className="sticky top-14 z-10 -mx-1 bg-zinc-50/95 px-1 py-1 text-xs font-semibold tracking-wide text-zinc-600 uppercase backdrop-blur dark:bg-zinc-950/95 dark:text-zinc-400">
                {formatDayHeading(group.day)}
              </h3>
              <ol className={listClass}>{group.items.map(({ item, gapBefore }) => renderItem(item, gapBefore))}</ol>
            </section>
          ))}
        </div>
      )}
    </>
  );
}
