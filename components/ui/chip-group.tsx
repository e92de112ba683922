const chip =
  "inline-flex cursor-pointer items-center gap-1.5 rounded-full px-2.5 py-1 text-xs ring-1 ring-inset ring-zinc-300 has-[:checked]:bg-zinc-900 has-[:checked]:text-white has-[:checked]:ring-zinc-900 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500 dark:ring-zinc-700 dark:has-[:checked]:bg-zinc-100 dark:has-[:checked]:text-zinc-900";

type Props = { legend: string; name: string; options: { value: string; label: string }[]; selected: string[] };

/** A set of toggle chips that submit as repeated query parameters (?status=A&status=B). */
export function ChipGroup({ legend, name, options, selected }: Props) {
  return (
    <fieldset>
      <legend className="mb-1.5 text-xs font-medium text-zinc-600 dark:text-zinc-400">{legend}</legend>
      <div className="flex flex-wrap gap-1.5">
        {options.map((option) => (
          <label key={option.value} className={chip}>
            <input type="checkbox" name={name} value={option.value} defaultChecked={selected.includes(option.value)} className="sr-only" />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
