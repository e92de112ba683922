import { cx } from "@/components/ui/cx";

const LABELS = {
  PENDING: { text: "Queued", className: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200" },
  SENT: { text: "Sent", className: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200" },
  KEPT: { text: "Kept in outbox", className: "bg-zinc-100 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200" },
  FAILED: { text: "Failed", className: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200" },
} as const;

export function OutboxStatus({ status, attempts }: { status: keyof typeof LABELS; attempts: number }) {
  const label = LABELS[status];
  return (
    <span className={cx("inline-block rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap", label.className)}>
      {label.text}
      {status === "PENDING" && attempts > 0 ? ` (retry ${attempts})` : ""}
    </span>
  );
}
