"use client";

import { useActionState, useRef, useState } from "react";
import { inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { KIND_STYLE } from "@/components/timeline/kinds";
import { ZonedTimeInput } from "@/components/time/zoned-time-input";
import { idle } from "@/lib/action-state";
import { addEventAction } from "@/lib/timeline/actions";
import { BODY_MAX, USER_KINDS } from "@/lib/timeline/schema";
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
 * One line to log what happened: Enter submits, an empty time means now. Back-filling keeps the
 * date between entries (only the time is typed again, and focus returns to it); a pasted block of
 * timed lines opens a preview that adds them all at once.
 */
export function AddEventForm({ teamId, incidentId, timeZone, defaultDay }: Props) {
  const [round, setRound] = useState(0);
  const [day, setDay] = useState(defaultDay);
  const [backFilling, setBackFilling] = useState(false);
  const [pasted, setPasted] = useState<string | null>(null);
  const [state, action] = useActionState(async (previous: Parameters<typeof addEventAction>[0], form: FormData) => {
    const result = await addEventAction(previous, form);
    if (result.status === "ok") {
      const sent = entryFields(String(form.get("occurredAt") ?? ""), timeZone);
      if (sent.date) setDay(sent.date);
      setBackFilling(Boolean(sent.date));
      setRound((r) => r + 1);
    }
    return result;
  }, idle);
  const body = useRef<HTMLTextAreaElement>(null);
  const fields = state.status === "error" ? state.error.fields : undefined;
  const values = state.status === "error" ? state.values : {};
  return (
    <div className="space-y-2">
      <form action={action} className="rounded-xl bg-white p-3 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800" noValidate>
        <input type="hidden" name="teamId" value={teamId} />
        <input type="hidden" name="incidentId" value={incidentId} />
        <div className="space-y-2">
          <ZonedTimeInput
            key={`t-${round}-${values.occurredAt}`}
            name="occurredAt"
            label="When it happened (empty: now)"
            compact
            timeZone={timeZone}
            submitted={values.occurredAt}
            day={day}
            autoFocus={backFilling}
            errors={fields?.occurredAt}
          />
          <label htmlFor="event-body" className="sr-only">
            What happened
          </label>
          <textarea
            id="event-body"
            ref={body}
            name="body"
            rows={1}
            maxLength={BODY_MAX}
            required
            defaultValue={values.body}
            key={`b-${round}-${values.body}`}
            autoFocus={round > 0 && !backFilling}
            aria-invalid={Boolean(fields?.body)}
            aria-describedby={fields?.body ? "event-body-error" : undefined}
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
              <select id="event-kind" name="kind" defaultValue={values.kind ?? "ACTION"} key={`k-${values.kind}`} className={inputClass}>
                {USER_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {KIND_STYLE[k].label}
                  </option>
                ))}
              </select>
            </div>
            <label className="inline-flex items-center gap-1.5 px-1 text-sm whitespace-nowrap">
              <input type="checkbox" name="starred" className="accent-amber-500" /> Key event
            </label>
            <SubmitButton pendingLabel="Adding…">Add</SubmitButton>
            <button type="button" onClick={() => setPasted((p) => p ?? "")} className="text-sm text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-brand-300">
              Paste several lines…
            </button>
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
