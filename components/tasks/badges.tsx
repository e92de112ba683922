import type { TaskPriority, TaskStatus } from "@/lib/generated/prisma/enums";
import { TASK_STATUS_LABEL } from "@/lib/tasks/labels";
import type { DueState } from "@/lib/tasks/rules";
import { cx } from "@/components/ui/cx";

const statusTone: Record<TaskStatus, string> = {
  OPEN: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-200",
  IN_PROGRESS: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-200",
  BLOCKED: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  DONE: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  WONT_DO: "bg-zinc-100 text-zinc-500 line-through dark:bg-zinc-800 dark:text-zinc-400",
};

export function TaskStatusBadge({ status, awaiting }: { status: TaskStatus; awaiting?: boolean }) {
  return (
    <span className={cx("inline-flex rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap", awaiting ? "bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-200" : statusTone[status])}>
      {awaiting ? "Awaiting verification" : TASK_STATUS_LABEL[status]}
    </span>
  );
}

export function PriorityBadge({ priority }: { priority: TaskPriority }) {
  return <span className={cx("font-mono text-xs font-semibold", priority === "P0" ? "text-red-700 dark:text-red-400" : priority === "P1" ? "text-orange-700 dark:text-orange-400" : "text-zinc-500 dark:text-zinc-400")}>{priority}</span>;
}

const dueTone: Record<DueState, string> = {
  overdue: "text-red-700 font-semibold dark:text-red-400",
  today: "text-orange-700 font-medium dark:text-orange-400",
  soon: "text-zinc-700 dark:text-zinc-300",
  later: "text-zinc-500 dark:text-zinc-400",
  none: "text-zinc-500 dark:text-zinc-400",
};

export function DueLabel({ due, state }: { due: Date | null; state: DueState }) {
  if (!due) return <span className={dueTone.none}>No due date</span>;
  const day = due.toISOString().slice(0, 10);
  return <span className={dueTone[state]}>{state === "overdue" ? `Overdue · ${day}` : state === "today" ? "Due today" : `Due ${day}`}</span>;
}
