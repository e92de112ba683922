"use client";

import Link from "next/link";
import { cx } from "@/components/ui/cx";
import { KIND_STYLE, KindIcon } from "@/components/timeline/kinds";
import { Moment } from "@/components/time/moment";
import { eventMenuOp, type EventMenuOp } from "@/lib/timeline/event-menu-op";
import type { EventData } from "@/lib/timeline/event-data";
import { EventEditForm } from "./event-edit-form";

/**
 * An event of the timeline. Its action buttons are styled once in globals.css (`.event-actions`),
 * not by a class list repeated in the HTML of every event; where a pointer can hover, that row
 * floats over the event's top right on hover or keyboard focus.
 */
type Props = {
  entry: EventData;
  body: React.ReactNode;
  timeZone: string;
  teamId: string;
  compact: boolean;
  canEdit: boolean;
  canStar: boolean;
  taskHref?: string;
  /** The id of the timeline's one actions form, which every button here submits. */
  formId: string;
  pendingOp: string | null;
  editing: boolean;
  onEdit: (id: string | null) => void;
};

/** Events entered after the fact say when they were written down, not only when they happened. */
function loggedLater(entry: EventData): boolean {
  return Math.abs(Date.parse(entry.createdAt) - Date.parse(entry.occurredAt)) > 5 * 60 * 1000;
}

export function EventItem({ entry, body, timeZone, teamId, compact, canEdit, canStar, taskHref, formId, pendingOp, editing, onEdit }: Props) {
  const style = KIND_STYLE[entry.kind];
  const system = entry.source === "SYSTEM";
  const menuButton = (op: EventMenuOp, label: string, extra: React.ButtonHTMLAttributes<HTMLButtonElement> = {}) => {
    const value = eventMenuOp(op, entry.id);
    return (
      <button type="submit" form={formId} name="op" value={value} disabled={pendingOp === value} {...extra}>
        {label}
      </button>
    );
  };
  return (
    <article className={cx("timeline-event relative", compact ? "flex gap-3 px-3 py-2" : "pb-5")} data-testid="timeline-event" data-kind={entry.kind} id={`event-${entry.id}`}>
      {!compact && (
        <span className={cx("absolute -top-0.5 -left-[2.2rem] flex size-5 items-center justify-center rounded-full text-white ring-4 ring-zinc-50 dark:ring-zinc-950", style.dot)}>
          <KindIcon kind={entry.kind} className="size-3" />
        </span>
      )}
      <div className="min-w-0 flex-1">
        <header className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5 text-xs">
          <Moment date={entry.occurredAt} timeZone={timeZone} className="font-mono font-medium text-zinc-800 dark:text-zinc-200" />
          <span className={cx("inline-flex items-center gap-1 font-semibold", style.text)}>
            {compact && <KindIcon kind={entry.kind} />}
            {style.label}
          </span>
          <span className="text-zinc-500 dark:text-zinc-400">
            {system ? "recorded by Hindsight" : `by ${entry.author?.name ?? "a former member"}`}
            {entry.revisions.length > 0 && ` · edited`}
          </span>
          {loggedLater(entry) && (
            <span className="text-zinc-500 dark:text-zinc-400">
              · logged <Moment date={entry.createdAt} timeZone={timeZone} withDate />
            </span>
          )}
          {entry.starred && <span className="text-amber-600 dark:text-amber-400" aria-label="Key event">★</span>}
          {entry.internal && <span className="rounded bg-zinc-100 px-1.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">internal</span>}
        </header>
        {editing ? (
          <EventEditForm entry={entry} teamId={teamId} timeZone={timeZone} onDone={() => onEdit(null)} />
        ) : (
          <div className={cx("mt-1", system && "text-sm text-zinc-600 dark:text-zinc-400")} data-testid="timeline-body">
            {body}
          </div>
        )}
        {!editing && (canEdit || canStar || taskHref) && (
          <div className="event-actions" role="group" aria-label="Event actions">
            {canStar && menuButton(entry.starred ? "unstar" : "star", entry.starred ? "★ Unstar" : "☆ Star", { "aria-pressed": entry.starred })}
            {canStar &&
              menuButton(entry.internal ? "public" : "internal", entry.internal ? "Make public" : "Mark internal", {
                "aria-pressed": entry.internal,
                title: "Internal events are left out of public postmortems",
              })}
            {canEdit && (
              <>
                <button type="button" onClick={() => onEdit(entry.id)}>
                  Edit
                </button>
                {menuButton("delete", "Delete")}
              </>
            )}
            {taskHref && (
              // Not prefetched: a long timeline would otherwise fetch the page once per visible event.
              <Link href={taskHref} prefetch={false} className="rounded px-2.5 py-1 text-sm text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800">
                Turn into task
              </Link>
            )}
          </div>
        )}
        {!editing && entry.revisions.length > 0 && <History entry={entry} timeZone={timeZone} />}
      </div>
    </article>
  );
}

function History({ entry, timeZone }: { entry: EventData; timeZone: string }) {
  return (
    <details className="mt-1 text-xs">
      <summary className="cursor-pointer rounded px-2 py-1 text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800">History ({entry.revisions.length})</summary>
      <ol className="mt-1 space-y-2 border-l-2 border-zinc-200 pl-3 dark:border-zinc-700">
        {entry.revisions.map((r) => (
          <li key={r.id}>
            <p className="text-zinc-500 dark:text-zinc-400">
              {r.editor?.name ?? "Someone"} {r.change} it <Moment date={r.createdAt} timeZone={timeZone} withDate />. Before:
            </p>
            <p className="whitespace-pre-wrap text-zinc-700 dark:text-zinc-300">
              [{KIND_STYLE[r.kind].label}, <Moment date={r.occurredAt} timeZone={timeZone} />] {r.body}
            </p>
          </li>
        ))}
      </ol>
    </details>
  );
}
