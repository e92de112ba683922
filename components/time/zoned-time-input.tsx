"use client";

import { useId, useImperativeHandle, useRef, useState, type Ref } from "react";
import { Temporal } from "temporal-polyfill";
import { cx } from "@/components/ui/cx";
import { inputClass } from "@/components/ui/field";
import { entryFields, readEntry, readTypedDate, readTypedTime } from "@/lib/time/entry";
import { dayKey, offsetName } from "@/lib/time/zoned";

/** For a quick-entry form that is never re-mounted (components/ui/use-keep-typing.ts): it empties, refills and focuses the fields itself. */
export type ZonedTimeInputHandle = {
  /** Empties the date and time (a time typed next is then on `day`). */
  clear: () => void;
  /** Shows a refused value again, unless something new has been typed meanwhile. */
  restore: (value: string) => void;
  focusTime: () => void;
};

export type ZonedTimeInputProps = {
  ref?: Ref<ZonedTimeInputHandle>;
  /** The form field the value travels in (e.g. "occurredAt"); see lib/time/entry.ts for its format. */
  name: string;
  /** Shown as the legend (visually hidden with `compact`). */
  label: string;
  /** The incident's IANA zone: what is typed is read there, and its offset is shown. */
  timeZone: string;
  /**
   * The stored instant (ISO string or Date). While the user does not touch the fields, exactly this
   * instant is submitted back, so saving never moves it.
   */
  stored?: string | Date | null;
  /** The value submitted last time, to show again after a refused save (wins over `stored`). */
  submitted?: string;
  /** The day a time typed alone belongs to (the date carried over from the last entry); today otherwise. */
  day?: string;
  errors?: string[];
  hint?: React.ReactNode;
  required?: boolean;
  autoFocus?: boolean;
  /** One row without a visible legend, for inline forms. */
  compact?: boolean;
  /** Called with the date the fields now name, so a form can carry it to the next entry. */
  onDateChange?: (date: string) => void;
};

const storedIso = (stored: ZonedTimeInputProps["stored"]) => (stored ? new Date(stored).toISOString() : null);

/**
 * One time input for every form: a YYYY-MM-DD date and a 24-hour HH:MM time as plain text fields
 * (never datetime-local, whose order and 12-hour clock follow the browser's locale), the zone and
 * its offset beside them, arrow keys to step minutes, "HH:MM" alone for the carried-over day, a
 * choice between the two instants of a repeated hour and a refusal for a skipped one.
 */
export function ZonedTimeInput({ ref, name, label, timeZone, stored, submitted, day, errors, hint, required, autoFocus, compact, onDateChange }: ZonedTimeInputProps) {
  const id = useId();
  const timeField = useRef<HTMLInputElement>(null);
  const original = storedIso(stored);
  const start = entryFields(submitted ?? original, timeZone);
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(start.time);
  const [choice, setChoice] = useState<string | null>(start.offset);
  const [touched, setTouched] = useState(submitted !== undefined && submitted !== original);
  const fallbackDay = day ?? dayKey(new Date(), timeZone);
  const entry = readEntry(date, time, timeZone, fallbackDay, choice);
  const value = !touched && original ? original : entry.value;
  // The offset the typed time is read at: not today's, which may differ from that date's.
  const zoneOffset =
    entry.state === "ok" ? entry.offsetName : entry.state === "ambiguous" ? (entry.chosen?.label.slice(6) ?? entry.options.map((o) => o.label.slice(6)).join(" or ")) : entry.state === "empty" ? offsetName(new Date(), timeZone) : null;

  useImperativeHandle(
    ref,
    () => ({
      clear: () => {
        setDate("");
        setTime("");
        setChoice(null);
        setTouched(true);
      },
      restore: (value) => {
        if (date || time) return;
        const refused = entryFields(value, timeZone);
        setDate(refused.date);
        setTime(refused.time);
        setChoice(refused.offset);
        setTouched(true);
      },
      focusTime: () => timeField.current?.focus(),
    }),
    [date, time, timeZone],
  );

  const edit = (next: { date?: string; time?: string; choice?: string | null }) => {
    setTouched(true);
    if (next.date !== undefined) {
      setDate(next.date);
      const read = readTypedDate(next.date);
      if (read) onDateChange?.(read);
    }
    if (next.time !== undefined) setTime(next.time);
    if (next.choice !== undefined) setChoice(next.choice);
  };

  /** A full "2023-10-15 08:03" typed or pasted into either field is split between the two. */
  const splitIfFull = (text: string): boolean => {
    const m = /^\s*(\d{4}[-/.]?\d{1,2}[-/.]?\d{1,2})[T\s]+(.+)$/.exec(text);
    if (!m?.[1] || !m[2] || !readTypedDate(m[1])) return false;
    edit({ date: m[1], time: m[2].trim() });
    return true;
  };

  const step = (minutes: number) => {
    const read = readTypedTime(time);
    const base = readTypedDate(date) ?? fallbackDay;
    if (!read) return;
    const next = Temporal.PlainDateTime.from(`${base}T${read.clock}`).add({ minutes });
    edit({ date: next.toPlainDate().toString(), time: next.toPlainTime().toString({ smallestUnit: "minute" }) });
  };

  const now = () => {
    const zoned = Temporal.Now.zonedDateTimeISO(timeZone);
    edit({ date: zoned.toPlainDate().toString(), time: zoned.toPlainTime().toString({ smallestUnit: "minute" }), choice: zoned.offset });
  };

  const problem = entry.state === "invalid" || entry.state === "skipped" ? entry.message : null;
  const describedBy = [hint ? `${id}-hint` : null, problem ? `${id}-problem` : null, entry.state === "ambiguous" ? `${id}-twice` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const invalid = Boolean(errors?.length) || Boolean(problem);

  return (
    <fieldset className="min-w-0 space-y-1.5" data-zoned-time={name}>
      <legend className={compact ? "sr-only" : "mb-1.5 block text-sm font-medium text-zinc-800 dark:text-zinc-200"}>
        {label}
        {compact ? ` (in ${timeZone})` : null}
      </legend>
      <input type="hidden" name={name} value={value} />
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`${id}-date`} className="sr-only">
          {label}: date, YYYY-MM-DD
        </label>
        <div className="w-32">
        <input
          id={`${id}-date`}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          placeholder={fallbackDay}
          suppressHydrationWarning
          title="Date, YYYY-MM-DD. Empty: the day shown."
          value={date}
          required={required}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          className={cx(inputClass, "font-mono tabular-nums")}
          onChange={(e) => splitIfFull(e.target.value) || edit({ date: e.target.value })}
        />
        </div>
        <label htmlFor={`${id}-time`} className="sr-only">
          {label}: time, 24-hour HH:MM, in {timeZone}
        </label>
        <div className="w-28">
        <input
          id={`${id}-time`}
          ref={timeField}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          placeholder="HH:MM"
          title="24-hour time, HH:MM (seconds optional). Arrow keys step a minute, Shift a quarter hour."
          value={time}
          autoFocus={autoFocus}
          required={required}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          className={cx(inputClass, "font-mono tabular-nums")}
          onChange={(e) => splitIfFull(e.target.value) || edit({ time: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === "ArrowUp" || e.key === "ArrowDown") {
              e.preventDefault();
              step((e.key === "ArrowUp" ? 1 : -1) * (e.shiftKey ? 15 : 1));
            }
          }}
        />
        </div>
        <span className="text-xs whitespace-nowrap text-zinc-600 dark:text-zinc-400" data-testid="zone-label">
          {zoneOffset && <span className="font-medium text-zinc-800 dark:text-zinc-200">{zoneOffset} · </span>}
          {timeZone}
        </span>
        <button type="button" onClick={now} className="rounded px-1.5 py-0.5 text-xs text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-brand-300">
          Now
        </button>
      </div>
      {entry.state === "ambiguous" && (
        <div id={`${id}-twice`} role="group" aria-label={`${label}: which ${entry.options[0].label.slice(0, 5)}?`} className="rounded-md bg-amber-50 p-2 text-sm text-amber-900 ring-1 ring-amber-300 dark:bg-amber-950/40 dark:text-amber-200 dark:ring-amber-800">
          <p>
            {entry.options[0].label.slice(0, 5)} happened twice on {entry.date} in {timeZone}: the clocks went back. Which one?
          </p>
          <div className="mt-1 flex flex-wrap gap-4">
            {entry.options.map((option, i) => (
              <label key={option.value} className="inline-flex items-center gap-1.5 font-mono">
                <input type="radio" name={`${id}-occurrence`} checked={entry.chosen?.value === option.value} onChange={() => edit({ choice: option.offset })} className="accent-amber-600" />
                {option.label} <span className="font-sans text-xs">({i === 0 ? "first" : "second, after the change"})</span>
              </label>
            ))}
          </div>
        </div>
      )}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      )}
      {problem && (
        <p id={`${id}-problem`} className="text-sm text-red-700 dark:text-red-400">
          {problem}
        </p>
      )}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
