"use client";

import { useEffect, useRef } from "react";
import { Field, inputClass } from "@/components/ui/field";

type Props = { zones: string[]; defaultValue?: string; errors?: string[]; label?: string; name?: string };

/** A searchable zone picker that starts at the browser's own zone when nothing was chosen. */
export function TimeZoneField({ zones, defaultValue, errors, label = "Time zone", name = "timeZone" }: Props) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // The server cannot know the browser's zone, so the suggestion is filled in after hydration.
    if (!defaultValue && input.current) input.current.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  }, [defaultValue]);
  return (
    <Field label={label} name={name} errors={errors} hint="Incident times are shown in this zone, with the offset, and in each reader's own.">
      {(control) => (
        <>
          <input {...control} ref={input} list={`${control.id}-zones`} defaultValue={defaultValue ?? "UTC"} className={inputClass} autoComplete="off" spellCheck={false} />
          <datalist id={`${control.id}-zones`}>
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}
