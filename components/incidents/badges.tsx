import type { IncidentStatus, Severity } from "@/lib/generated/prisma/enums";
import { STATUS_LABEL } from "@/lib/incidents/labels";
import { cx } from "@/components/ui/cx";

const severityTone: Record<Severity, string> = {
  SEV1: "bg-red-700 text-white",
  SEV2: "bg-orange-700 text-white",
  SEV3: "bg-amber-200 text-amber-950 dark:bg-amber-300",
  SEV4: "bg-zinc-200 text-zinc-800 dark:bg-zinc-700 dark:text-zinc-100",
};

export function SeverityBadge({ severity, title }: { severity: Severity; title?: string }) {
  return (
    <span title={title} className={cx("inline-flex items-center rounded px-1.5 py-0.5 font-mono text-xs font-semibold", severityTone[severity])}>
      {severity}
    </span>
  );
}

const statusTone: Record<IncidentStatus, string> = {
  INVESTIGATING: "bg-red-50 text-red-800 ring-red-200 dark:bg-red-950/60 dark:text-red-200 dark:ring-red-900",
  IDENTIFIED: "bg-orange-50 text-orange-800 ring-orange-200 dark:bg-orange-950/60 dark:text-orange-200 dark:ring-orange-900",
  MONITORING: "bg-sky-50 text-sky-800 ring-sky-200 dark:bg-sky-950/60 dark:text-sky-200 dark:ring-sky-900",
  RESOLVED: "bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950/60 dark:text-emerald-200 dark:ring-emerald-900",
};

export function StatusBadge({ status }: { status: IncidentStatus }) {
  return (
    <span className={cx("inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset", statusTone[status])}>
      <span aria-hidden="true" className={cx("size-1.5 rounded-full bg-current", status !== "RESOLVED" && "motion-safe:animate-pulse")} />
      {STATUS_LABEL[status]}
    </span>
  );
}
