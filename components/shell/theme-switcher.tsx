import { setThemeAction } from "@/lib/auth/actions";
import type { Theme } from "@/lib/theme";
import { cx } from "@/components/ui/cx";

const choices: { value: Theme; label: string }[] = [
  { value: "system", label: "System" },
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
];

export function ThemeSwitcher({ theme }: { theme: Theme }) {
  return (
    <form action={setThemeAction} className="px-3 py-2">
      <fieldset>
        <legend className="mb-1.5 text-xs font-medium text-zinc-500 dark:text-zinc-400">Theme</legend>
        <div className="grid grid-cols-3 gap-1 rounded-md bg-zinc-100 p-0.5 dark:bg-zinc-800">
          {choices.map((c) => (
            <button
              key={c.value}
              name="theme"
              value={c.value}
              aria-pressed={theme === c.value}
              className={cx(
                "rounded px-2 py-1 text-xs",
                theme === c.value ? "bg-white font-medium shadow-sm dark:bg-zinc-950" : "text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100",
              )}
            >
              {c.label}
            </button>
          ))}
        </div>
      </fieldset>
    </form>
  );
}
