"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { LimitCount } from "@/components/ui/limit-counter";
import { SubmitButton } from "@/components/ui/submit-button";
import { KindSelect } from "@/components/timeline/kind-select";
import { idle, type ActionState } from "@/lib/action-state";
import { pasteEventsAction } from "@/lib/timeline/actions";
import { parsePastedTimeline } from "@/lib/timeline/paste";
import { PASTE_BLOCK_MAX } from "@/lib/timeline/fields";
import { readTypedDate } from "@/lib/time/entry";
import { dayKey } from "@/lib/time/zoned";

/** Two or more lines starting with a time: what a paste from notes or chat looks like. */
export function looksLikeTimedBlock(text: string): boolean {
  const timed = text.split(/\r?\n/).filter((line) => /^\s*(?:[-*•·>]\s*)?\[?(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[T\s,]\s*)?\d{1,2}:\d{2}/.test(line));
  return timed.length >= 2;
}

type Props = {
  teamId: string;
  incidentId: string;
  timeZone: string;
  initialText: string;
  day?: string;
  onDone: (lastDay: string | null) => void;
  onCancel: () => void;
};

/**
 * Back-filling from notes: the block is read as it is typed (the same function the server runs
 * again on submit), shown as the events it will become, and added in one go.
 */
export function PasteEventsForm({ teamId, incidentId, timeZone, initialText, day, onDone, onCancel }: Props) {
  const [text, setText] = useState(initialText);
  const [dayText, setDayText] = useState(day ?? "");
  const [state, action] = useActionState(async (previous: ActionState<{ count: number }>, form: FormData) => {
    const result = await pasteEventsAction(previous, form);
    if (result.status === "ok") {
      const sent = parsePastedTimeline(String(form.get("block") ?? ""), readTypedDate(String(form.get("day") ?? "")) ?? dayKey(new Date(), timeZone), timeZone);
      const last = sent.events[sent.events.length - 1];
      onDone(last ? dayKey(last.at, timeZone) : null);
    }
    return result;
  }, idle);
  const carried = readTypedDate(dayText) ?? dayKey(new Date(), timeZone);
  const preview = parsePastedTimeline(text, carried, timeZone);
  const serverProblems = state.status === "error" ? (state.error.fields?.block ?? [state.error.message]) : [];
  const count = preview.events.length;
  return (
    <form action={action} className="space-y-3 rounded-xl bg-white p-3 shadow-sm ring-1 ring-brand-300 dark:bg-zinc-900 dark:ring-brand-700" noValidate aria-labelledby="paste-heading">
      <h3 id="paste-heading" className="text-sm font-semibold">
        Add several events from notes
      </h3>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="incidentId" value={incidentId} />
      <label htmlFor="paste-block" className="block text-xs text-zinc-600 dark:text-zinc-400">
        One event per line starting with a time: <code>08:03 alert fired</code>, <code>2017-01-31 23:27 UTC paged</code>, <code>[8:05 AM GMT+2] …</code>. Lines without a time continue the one above.
        Times without a zone are read in {timeZone}.
      </label>
      <textarea
        id="paste-block"
        name="block"
        rows={Math.min(12, Math.max(4, text.split("\n").length + 1))}
        value={text}
        autoFocus
        aria-describedby="paste-block-limit"
        onChange={(e) => setText(e.target.value)}
        className={`${inputClass} font-mono`}
        spellCheck={false}
      />
      <div className="-mt-2 flex justify-end">
        <LimitCount length={text.length} max={PASTE_BLOCK_MAX} id="paste-block-limit" />
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="paste-day" className="block text-xs font-medium">
            Day for lines without a date
          </label>
          <input id="paste-day" name="day" type="text" inputMode="numeric" placeholder={carried} value={dayText} onChange={(e) => setDayText(e.target.value)} className={`${inputClass} w-32 font-mono`} />
        </div>
        <div>
          <label htmlFor="paste-kind" className="block text-xs font-medium">
            Kind
          </label>
          <KindSelect id="paste-kind" defaultValue="NOTE" className={inputClass} />
        </div>
      </div>
      {count > 0 && (
        <ol aria-label="Preview" className="max-h-80 divide-y divide-zinc-200 overflow-auto rounded-md text-sm ring-1 ring-zinc-200 dark:divide-zinc-800 dark:ring-zinc-800" data-testid="paste-preview">
          {preview.events.map((e) => (
            <li key={e.line} className="grid grid-cols-[auto_1fr] gap-3 px-2 py-1">
              <span className="font-mono text-xs whitespace-nowrap tabular-nums">
                {e.wall} {e.offset}
                {e.nextDay && <span className="ml-1 rounded bg-amber-100 px-1 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200">next day</span>}
              </span>
              <span className="break-words whitespace-pre-line">{e.body}</span>
            </li>
          ))}
        </ol>
      )}
      {[...preview.problems.map((p) => p.message), ...serverProblems].length > 0 && (
        <ul role="alert" className="list-disc pl-5 text-sm text-red-700 dark:text-red-400">
          {[...new Set([...preview.problems.map((p) => p.message), ...serverProblems])].map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <div className="flex items-center gap-2">
        <SubmitButton size="sm" pendingLabel="Adding…" disabled={count === 0 || preview.problems.length > 0}>
          {count === 1 ? "Add 1 event" : `Add ${count} events`}
        </SubmitButton>
        <Button variant="secondary" size="sm" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
