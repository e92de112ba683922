import { cx } from "@/components/ui/cx";
import { inputClass } from "@/components/ui/field";

type Props = Omit<React.InputHTMLAttributes<HTMLInputElement>, "type" | "className"> & { className?: string };

/**
 * A calendar date as the time inputs take it: YYYY-MM-DD typed as text (2026/12/01 and 20261201
 * are read too), never `type=date`, whose order follows the browser's locale.
 */
export function DateInput({ className, ...input }: Props) {
  return (
    <input
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      placeholder="YYYY-MM-DD"
      title="Date, YYYY-MM-DD"
      {...input}
      className={cx(inputClass, "font-mono tabular-nums", className)}
    />
  );
}
