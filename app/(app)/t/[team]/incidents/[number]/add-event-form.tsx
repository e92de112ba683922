"use client";

import { useRef } from "react";
import { inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { LimitCounter } from "@/components/ui/limit-counter";
import { useKeepTyping } from "@/components/ui/use-keep-typing";
import { KIND_STYLE } from "@/components/timeline/kinds";
import { addEventAction } from "@/lib/timeline/actions";
import { BODY_MAX, USER_KINDS } from "@/lib/timeline/schema";

/** One line to log what just happened: Enter submits, the time defaults to now. */
export function AddEventForm({ teamId, incidentId, timeZone }: { teamId: string; incidentId: string; timeZone: string }) {
  const { state, pending, form, onSubmit } = useKeepTyping(addEventAction, ["body", "occurredAt", "starred"]);
  const body = useRef<HTMLTextAreaElement>(null);
  const fields = state.status === "error" ? state.error.fields : undefined;
  const values = state.status === "error" ? state.values : {};
  return (
    <form ref={form} onSubmit={onSubmit} className="rounded-xl bg-white p-3 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800" noValidate>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="incidentId" value={incidentId} />
      <div className="space-y-2">
        <label htmlFor="event-body" className="sr-only">
          What happened
        </label>
        <textarea
          id="event-body"
          ref={body}
          name="body"
          rows={1}
          required
          aria-invalid={Boolean(fields?.body)}
          aria-describedby={fields?.body ? "event-body-error event-body-limit" : "event-body-limit"}
          placeholder="What happened? Markdown works. Enter to add, Shift+Enter for a new line."
          className={`${inputClass} min-h-10 resize-y`}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
        />
        <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="event-kind" className="sr-only">
          Kind
        </label>
        <div className="w-40">
        <select id="event-kind" name="kind" defaultValue={values.kind ?? "ACTION"} key={`k-${values.kind}`} className={inputClass}>
          {USER_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_STYLE[k].label}
            </option>
          ))}
        </select>
        </div>
        <label htmlFor="event-time" className="sr-only">
          When (in {timeZone}); empty means now
        </label>
        <div className="w-56">
        <input
          id="event-time"
          name="occurredAt"
          type="datetime-local"
          defaultValue={values.occurredAt}
          key={`t-${values.occurredAt}`}
          title={`When it happened, in ${timeZone}. Leave empty for now.`}
          aria-invalid={Boolean(fields?.occurredAt)}
          aria-describedby={fields?.occurredAt ? "event-time-error" : undefined}
          className={inputClass}
        />
        </div>
        <label className="inline-flex items-center gap-1.5 px-1 text-sm whitespace-nowrap">
          <input type="checkbox" name="starred" className="accent-amber-500" /> Key event
        </label>
        <Button type="submit" aria-disabled={pending}>
          {pending ? "Adding…" : "Add"}
        </Button>
        <LimitCounter targetId="event-body" max={BODY_MAX} id="event-body-limit" />
        </div>
      </div>
      {fields?.body && <p id="event-body-error" className="mt-2 text-sm text-red-700 dark:text-red-400">{fields.body.join(" ")}</p>}
      {fields?.occurredAt && <p id="event-time-error" className="mt-2 text-sm text-red-700 dark:text-red-400">{fields.occurredAt.join(" ")}</p>}
      {state.status === "error" && !fields && <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">{state.error.message}</p>}
    </form>
  );
}
