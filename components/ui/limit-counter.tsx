"use client";

import { useEffect, useState } from "react";
import { cx } from "@/components/ui/cx";

/**
 * A live "used / limit" count beside a text field. The field itself has no maxLength: a browser
 * that cuts a paste short says nothing, so the count turns red instead and the server refuses
 * with the field's message, keeping the text.
 */
export function LimitCounter({ targetId, max, id }: { targetId: string; max: number; id?: string }) {
  const [length, setLength] = useState(0);
  useEffect(() => {
    const field = document.getElementById(targetId);
    if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return;
    const update = () => setLength(field.value.length);
    // A form action resets its fields after the submit; read the value once the reset is done.
    const afterReset = () => setTimeout(update, 0);
    update();
    field.addEventListener("input", update);
    field.form?.addEventListener("reset", afterReset);
    return () => {
      field.removeEventListener("input", update);
      field.form?.removeEventListener("reset", afterReset);
    };
  }, [targetId]);
  return <LimitCount length={length} max={max} id={id} />;
}

/** The count itself, for fields whose value the component already holds (controlled inputs). */
export function LimitCount({ length, max, id }: { length: number; max: number; id?: string }) {
  const over = length > max;
  return (
    <span id={id} className={cx("shrink-0 text-xs tabular-nums", over ? "font-medium text-red-700 dark:text-red-400" : "text-zinc-500 dark:text-zinc-400")}>
      <span aria-hidden="true">
        {length.toLocaleString("en-US")} / {max.toLocaleString("en-US")}
      </span>
      <span className="sr-only" aria-live="polite">
        {over ? `${(length - max).toLocaleString("en-US")} characters over the limit of ${max.toLocaleString("en-US")}.` : `Up to ${max.toLocaleString("en-US")} characters.`}
      </span>
    </span>
  );
}
