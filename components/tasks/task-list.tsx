import Link from "next/link";
import { DueLabel, PriorityBadge, TaskStatusBadge } from "@/components/tasks/badges";
import { dueState, todayIn } from "@/lib/tasks/rules";
import type { TaskRow } from "@/lib/tasks/queries";

type ListedTask = TaskRow & { team?: { slug: string; timeZone: string } };

/** Rows of tasks linking to their pages. "Today" is each task's team's today, so overdue means overdue where the team works. */
export function TaskList({ tasks, slug, today, showIncident = false, label }: { tasks: ListedTask[]; slug?: string; today: string; showIncident?: boolean; label: string }) {
  // One "today" per zone, not per row: a zone conversion costs far more than the rest of a row.
  const todays = new Map<string, string>();
  const todayOf = (timeZone: string) => todays.get(timeZone) ?? todays.set(timeZone, todayIn(timeZone)).get(timeZone)!;
  return (
    <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label={label}>
      {tasks.map((task) => {
        const teamSlug = task.team?.slug ?? slug;
        const awaiting = task.status !== "DONE" && task.completedAt !== null;
        return (
          <li key={task.id} data-testid="task-row">
            <Link href={`/t/${teamSlug}/tasks/${task.id}`} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2.5 hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
              <PriorityBadge priority={task.priority} />
              <span className="min-w-0 flex-1 truncate text-sm font-medium">
                {task.title}
                {task.recurrenceEvery && <span className="ml-1 text-xs font-normal text-zinc-500 dark:text-zinc-400">↻ #{task.occurrence}</span>}
              </span>
              {showIncident && <span className="text-xs text-zinc-500 dark:text-zinc-400">INC-{task.incident.number}</span>}
              <span className="text-xs text-zinc-600 dark:text-zinc-400">{task.owner?.name ?? "Unassigned"}</span>
              <span className="text-xs">
                <DueLabel due={task.dueDate} state={dueState(task.dueDate, task.status, task.team ? todayOf(task.team.timeZone) : today)} />
              </span>
              <TaskStatusBadge status={task.status} awaiting={awaiting} />
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
