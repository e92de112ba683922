"use client";

import { useActionState, useState } from "react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { cx } from "@/components/ui/cx";
import { KIND_STYLE, KindIcon } from "@/components/timeline/kinds";
import { Moment } from "@/components/time/moment";
import { idle } from "@/lib/action-state";
import { deleteEventAction, editEventAction, internalEventAction, starEventAction } from "@/lib/timeline/actions";
import { USER_KINDS } from "@/lib/timeline/schema";
import { utcToWallTime } from "@/lib/time/zoned";
import type { TimelineEntry } from "@/lib/timeline/queries";

type Props = { entry: TimelineEntry; body: React.ReactNode; timeZone: string; teamId: string; compact: boolean; canEdit: boolean; canStar: boolean; taskHref?: string };

/** Events entered after the fact say when they were written down, not only when they happened. */
function loggedLater(entry: TimelineEntry): boolean {
  return Math.abs(new Date(entry.createdAt).getTime() - new Date(entry.occurredAt).getTime()) > 5 * 60 * 1000;
}

export function EventItem({ entry, body, timeZone, teamId, compact, canEdit, canStar, taskHref }: Props) {
  const [editing, setEditing] = useState(false);
  const style = KIND_STYLE[entry.kind];
  const system = entry.source === "SYSTEM";
  return (
    <article className={cx(compact ? "flex gap-3 px-3 py-2" : "pb-5")} data-testid="timeline-event" data-kind={entry.kind}>
      {!compact && (
        <span className={cx("absolute top-0.5 -left-[0.7rem] flex size-5 items-center justify-center rounded-full text-white ring-4 ring-zinc-50 dark:ring-zinc-950", style.dot)}>
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
          <EditEvent entry={entry} teamId={teamId} timeZone={timeZone} onDone={() => setEditing(false)} />
        ) : (
          <div className={cx("mt-1", system && "text-sm text-zinc-600 dark:text-zinc-400")} data-testid="timeline-body">
            {body}
          </div>
        )}
        {!editing && (canEdit || canStar || taskHref || entry.revisions.length > 0) && (
          <div className="mt-1.5 flex flex-wrap items-center gap-1">
            {canStar && <StarButton teamId={teamId} eventId={entry.id} starred={entry.starred} />}
            {canStar && <InternalButton teamId={teamId} eventId={entry.id} internal={entry.internal} />}
            {canEdit && (
              <>
                <Button variant="ghost" size="sm" onClick={() => setEditing(true)}>
                  Edit
                </Button>
                <DeleteButton teamId={teamId} eventId={entry.id} />
              </>
            )}
            {taskHref && (
              <Link href={taskHref} className="rounded px-2.5 py-1 text-sm text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800">
                Turn into task
              </Link>
            )}
            {entry.revisions.length > 0 && <History entry={entry} timeZone={timeZone} />}
          </div>
        )}
      </div>
    </article>
  );
}

function StarButton({ teamId, eventId, starred }: { teamId: string; eventId: string; starred: boolean }) {
  const [, action, pending] = useActionState(starEventAction, idle);
  return (
    <form action={action}>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="eventId" value={eventId} />
      <input type="hidden" name="starred" value={starred ? "false" : "true"} />
      <Button type="submit" variant="ghost" size="sm" disabled={pending} aria-pressed={starred}>
        {starred ? "★ Unstar" : "☆ Star"}
      </Button>
    </form>
  );
}

function InternalButton({ teamId, eventId, internal }: { teamId: string; eventId: string; internal: boolean }) {
  const [, action, pending] = useActionState(internalEventAction, idle);
  return (
    <form action={action}>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="eventId" value={eventId} />
      <input type="hidden" name="internal" value={internal ? "false" : "true"} />
      <Button type="submit" variant="ghost" size="sm" disabled={pending} aria-pressed={internal} title="Internal events are left out of public postmortems">
        {internal ? "Make public" : "Mark internal"}
      </Button>
    </form>
  );
}

function DeleteButton({ teamId, eventId }: { teamId: string; eventId: string }) {
  const [state, action, pending] = useActionState(deleteEventAction, idle);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm("Delete this event? Its text stays in the history.")) e.preventDefault();
      }}
    >
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="eventId" value={eventId} />
      <Button type="submit" variant="ghost" size="sm" disabled={pending}>
        Delete
      </Button>
      {state.status === "error" && <span role="alert" className="text-xs text-red-700 dark:text-red-400">{state.error.message}</span>}
    </form>
  );
}

function EditEvent({ entry, teamId, timeZone, onDone }: { entry: TimelineEntry; teamId: string; timeZone: string; onDone: () => void }) {
  const [state, action] = useActionState(async (previous: Parameters<typeof editEventAction>[0], form: FormData) => {
    const result = await editEventAction(previous, form);
    if (result.status === "ok") onDone();
    return result;
  }, idle);
  const fields = state.status === "error" ? state.error.fields : undefined;
  const values = state.status === "error" ? state.values : {};
  return (
    <form action={action} className="mt-2 space-y-2" noValidate>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="eventId" value={entry.id} />
      <input type="hidden" name="version" value={entry.version} />
      <div className="flex flex-col gap-2 sm:flex-row">
        <label className="sr-only" htmlFor={`kind-${entry.id}`}>Kind</label>
        <select id={`kind-${entry.id}`} name="kind" defaultValue={values.kind ?? entry.kind} className={`${inputClass} sm:w-44`}>
          {USER_KINDS.map((k) => (
            <option key={k} value={k}>{KIND_STYLE[k].label}</option>
          ))}
        </select>
        <label className="sr-only" htmlFor={`time-${entry.id}`}>When, in {timeZone}</label>
        <input id={`time-${entry.id}`} name="occurredAt" type="datetime-local" defaultValue={values.occurredAt ?? utcToWallTime(new Date(entry.occurredAt), timeZone)} className={`${inputClass} sm:w-52`} />
      </div>
      <label className="sr-only" htmlFor={`body-${entry.id}`}>Text</label>
      <textarea id={`body-${entry.id}`} name="body" rows={3} defaultValue={values.body ?? entry.body} className={inputClass} />
      {fields && <p role="alert" className="text-sm text-red-700 dark:text-red-400">{Object.values(fields).flat().join(" ")}</p>}
      {state.status === "error" && !fields && <p role="alert" className="text-sm text-red-700 dark:text-red-400">{state.error.message}</p>}
      <div className="flex gap-2">
        <SubmitButton size="sm" pendingLabel="Saving…">Save</SubmitButton>
        <Button variant="ghost" size="sm" onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}

function History({ entry, timeZone }: { entry: TimelineEntry; timeZone: string }) {
  return (
    <details className="text-xs">
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
