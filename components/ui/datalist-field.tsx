"use client";

import { useState } from "react";
import { Field, inputClass } from "@/components/ui/field";

type Props = {
  label: string;
  name: string;
  options: string[];
  defaultValue?: string;
  errors?: string[];
  hint?: React.ReactNode;
  placeholder?: string;
};

/**
 * A text input that suggests known values (time zones, services) but accepts new ones. The
 * suggestions are written into the page when the pointer or the focus first reaches the input,
 * before the browser can show them: the time zones alone are 400 elements, a third of an incident
 * page, that the page would otherwise parse and hydrate for nothing.
 */
export function DatalistField({ label, name, options, defaultValue, errors, hint, placeholder }: Props) {
  const [wanted, setWanted] = useState(false);
  const want = () => setWanted(true);
  return (
    <Field label={label} name={name} errors={errors} hint={hint}>
      {(control) => (
        <>
          <input {...control} list={`${control.id}-options`} defaultValue={defaultValue} placeholder={placeholder} className={inputClass} autoComplete="off" spellCheck={false} onFocus={want} onPointerEnter={want} />
          <datalist id={`${control.id}-options`}>
            {wanted &&
              options.map((option) => (
                <option key={option} value={option} />
              ))}
          </datalist>
        </>
      )}
    </Field>
  );
}
