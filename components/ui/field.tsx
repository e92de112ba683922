import { useId } from "react";
import { cx } from "@/components/ui/cx";

export const inputClass =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-zinc-900 shadow-sm ring-1 ring-inset ring-zinc-300 placeholder:text-zinc-400 focus:ring-2 focus:ring-inset focus:ring-brand-500 focus:outline-none disabled:opacity-60 aria-[invalid=true]:ring-red-500 dark:bg-zinc-900 dark:text-zinc-100 dark:ring-zinc-700 dark:placeholder:text-zinc-500";

type FieldProps = {
  label: string;
  name: string;
  errors?: string[];
  hint?: React.ReactNode;
  className?: string;
  children: (props: { id: string; name: string; "aria-invalid": boolean; "aria-describedby"?: string }) => React.ReactNode;
};

/** Label, control, hint and error messages wired together for screen readers. */
export function Field({ label, name, errors, hint, className, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cx("space-y-1.5", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
        {label}
      </label>
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

export function TextField({ label, name, errors, hint, className, ...input }: TextFieldProps) {
  return (
    <Field label={label} name={name} errors={errors} hint={hint} className={className}>
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
