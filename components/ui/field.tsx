import { useId } from "react";
import { cx } from "@/components/ui/cx";
import { LimitCounter } from "@/components/ui/limit-counter";

export const inputClass =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-zinc-900 shadow-sm ring-1 ring-inset ring-zinc-300 placeholder:text-zinc-400 focus:ring-2 focus:ring-inset focus:ring-brand-500 focus:outline-none disabled:opacity-60 aria-[invalid=true]:ring-red-500 dark:bg-zinc-900 dark:text-zinc-100 dark:ring-zinc-700 dark:placeholder:text-zinc-500";

type FieldProps = {
  label: string;
  name: string;
  errors?: string[];
  hint?: React.ReactNode;
  /** The most characters the server accepts: shown with a live count beside the label. */
  max?: number;
  className?: string;
  children: (props: { id: string; name: string; "aria-invalid": boolean; "aria-describedby"?: string }) => React.ReactNode;
};

/** Label, control, hint and error messages wired together for screen readers. */
export function Field({ label, name, errors, hint, max, className, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const limitId = max ? `${id}-limit` : undefined;
  const describedBy = [hintId, limitId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cx("space-y-1.5", className)}>
      <div className="flex items-baseline justify-between gap-3">
        <label htmlFor={id} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
          {label}
        </label>
        {max ? <LimitCounter targetId={id} max={max} id={limitId} /> : null}
      </div>
      {children({ id, name, "aria-invalid": Boolean(errors?.length), "aria-describedby": describedBy })}
      {hint && (
        <p id={hintId} className="text-xs text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={errorId} className="text-sm text-red-700 dark:text-red-400">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

type TextFieldProps = Omit<React.InputHTMLAttributes<HTMLInputElement>, "name"> & {
  label: string;
  name: string;
  errors?: string[];
  hint?: React.ReactNode;
};

/** A one-line field; `maxLength` becomes a visible limit with a live count, not a silent cut. */
export function TextField({ label, name, errors, hint, className, maxLength, ...input }: TextFieldProps) {
  return (
    <Field label={label} name={name} errors={errors} hint={hint} max={maxLength} className={className}>
      {(control) => <input {...control} {...input} className={inputClass} />}
    </Field>
  );
}

type SelectFieldProps = Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "name"> & {
  label: string;
  name: string;
  errors?: string[];
  hint?: React.ReactNode;
  options: { value: string; label: string }[];
};

export function SelectField({ label, name, errors, hint, options, className, ...select }: SelectFieldProps) {
  return (
    <Field label={label} name={name} errors={errors} hint={hint} className={className}>
      {(control) => (
        <select {...control} {...select} className={inputClass}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
