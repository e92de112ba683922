"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { LimitCounter } from "@/components/ui/limit-counter";
import { useKeepTyping } from "@/components/ui/use-keep-typing";
import { KindSelect } from "@/components/timeline/kind-select";
import { ZonedTimeInput, type ZonedTimeInputHandle } from "@/components/time/zoned-time-input";
import { addEventAction } from "@/lib/timeline/actions";
import { BODY_MAX } from "@/lib/timeline/fields";
import { entryFields } from "@/lib/time/entry";
import { PasteEventsForm, looksLikeTimedBlock } from "./paste-events-form";

type Props = {
  teamId: string;
  incidentId: string;
  timeZone: string;
  /** The day a time typed alone belongs to before any entry was added (e.g. a back-dated incident's start day); today otherwise. */
  defaultDay?: string;
};

/**
 * One line to log what happened: Enter submits, an empty time means now. The form is never reset
 * or re-mounted, so what is typed right after Enter stays (see useKeepTyping). Back-filling keeps
 * the date between entries (only the time is typed again, and focus goes to it at once); a pasted
 * block of timed lines opens a preview that adds them all at once.
 */
export function AddEventForm({ teamId, incidentId, timeZone, defaultDay }: Props) {
  const { state, pending, form, onSubmit } = useKeepTyping(addEventAction, ["body", "starred"]);
  const [day, setDay] = useState(defaultDay);
  const [pasted, setPasted] = useState<string | null>(null);
  const time = useRef<ZonedTimeInputHandle>(null);
  const body = useRef<HTMLTextAreaElement>(null);
  const fields = state.status === "error" ? state.error.fields : undefined;

  // The time input holds its fields in state, so it is emptied and refilled here, as useKeepTyping does the others.
  useEffect(() => {
    const refused = state.status === "error" ? state.values.occurredAt : undefined;
    if (refused) time.current?.restore(refused);
  }, [state]);

  function submit(event: FormEvent<HTMLFormElement>) {
    const sent = entryFields(String(new FormData(event.currentTarget).get("occurredAt") ?? ""), timeZone);
    onSubmit(event);
    time.current?.clear();
    // A dated entry means back-filling: the next one is on the same day and only needs its time.
    if (sent.date) {
      setDay(sent.date);
      time.current?.focusTime();
    }
  }

  return (
    <div className="space-y-2">
      <form ref={form} onSubmit={submit} className="rounded-xl bg-white p-3 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800" noValidate>
        <input type="hidden" name="teamId" value={teamId} />
        <input type="hidden" name="incidentId" value={incidentId} />
        <div className="space-y-2">
          <ZonedTimeInput ref={time} name="occurredAt" label="When it happened (empty: now)" compact timeZone={timeZone} day={day} errors={fields?.occurredAt} />
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
            placeholder="What happened? Markdown works. Enter to add, Shift+Enter for a new line. Paste timed lines to add several."
            className={`${inputClass} min-h-10 resize-y`}
            onPaste={(e) => {
              const text = e.clipboardData.getData("text");
              if (looksLikeTimedBlock(text)) {
                e.preventDefault();
                setPasted(text);
              }
            }}
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
              <KindSelect id="event-kind" defaultValue="ACTION" className={inputClass} />
            </div>
            <label className="inline-flex items-center gap-1.5 px-1 text-sm whitespace-nowrap">
              <input type="checkbox" name="starred" className="accent-amber-500" /> Key event
            </label>
            <Button type="submit" aria-disabled={pending}>
              {pending ? "Adding…" : "Add"}
            </Button>
            <button type="button" onClick={() => setPasted((p) => p ?? "")} className="text-sm text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-brand-300">
              Paste several lines…
            </button>
            <LimitCounter targetId="event-body" max={BODY_MAX} id="event-body-limit" />
          </div>
        </div>
        {fields?.body && (
          <p id="event-body-error" className="mt-2 text-sm text-red-700 dark:text-red-400">
            {fields.body.join(" ")}
          </p>
        )}
        {state.status === "error" && !fields && (
          <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
            {state.error.message}
          </p>
        )}
      </form>
      {pasted !== null && (
        <PasteEventsForm
          teamId={teamId}
          incidentId={incidentId}
          timeZone={timeZone}
          initialText={pasted}
          day={day}
          onDone={(lastDay) => {
            setPasted(null);
            if (lastDay) setDay(lastDay);
            body.current?.focus();
          }}
          onCancel={() => setPasted(null)}
        />
      )}
    </div>
  );
}
