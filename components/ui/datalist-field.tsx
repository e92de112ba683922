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

/** A text input that suggests known values (time zones, services) but accepts new ones. */
export function DatalistField({ label, name, options, defaultValue, errors, hint, placeholder }: Props) {
  return (
    <Field label={label} name={name} errors={errors} hint={hint}>
      {(control) => (
        <>
          <input {...control} list={`${control.id}-options`} defaultValue={defaultValue} placeholder={placeholder} className={inputClass} autoComplete="off" spellCheck={false} />
          <datalist id={`${control.id}-options`}>
            {options.map((option) => (
              <option key={option} value={option} />
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}
