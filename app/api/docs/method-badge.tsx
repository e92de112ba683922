import { cx } from "@/components/ui/cx";

const COLORS: Record<string, string> = {
  GET: "bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-100",
  POST: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100",
  PATCH: "bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100",
};

export function MethodBadge({ method }: { method: string }) {
  return <span className={cx("inline-block w-14 rounded px-1.5 py-0.5 text-center font-mono text-xs font-semibold", COLORS[method] ?? "bg-zinc-100 dark:bg-zinc-800")}>{method}</span>;
}
