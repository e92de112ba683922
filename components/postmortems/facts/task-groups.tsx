import { TASK_STATUS_LABEL, TASK_TYPE_LABEL } from "@/lib/tasks/labels";
import type { TaskType } from "@/lib/generated/prisma/enums";
import type { PostmortemFacts } from "@/lib/postmortems/facts";
import { cx } from "@/components/ui/cx";

const ORDER: TaskType[] = ["CORRECTIVE", "PREVENTIVE", "DETECTIVE", "MITIGATING", "PROCESS"];

/** The incident's corrective and preventive work, grouped by type, with progress. */
export function TaskGroups({ tasks }: { tasks: PostmortemFacts["tasks"] }) {
  if (tasks.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No tasks yet. Add corrective and preventive tasks on the incident.</p>;
  const done = tasks.filter((t) => t.status === "DONE").length;
  return (
    <div className="space-y-3 text-sm">
      <p className="text-zinc-600 dark:text-zinc-400">
        {done} of {tasks.length} done
      </p>
      {ORDER.map((type) => {
        const group = tasks.filter((t) => t.type === type);
        if (group.length === 0) return null;
        return (
          <div key={type}>
            <h4 className="font-semibold">{TASK_TYPE_LABEL[type].label}</h4>
            <ul className="mt-1 space-y-1">
              {group.map((task) => (
                <li key={task.id} className="flex flex-wrap items-baseline justify-between gap-x-3">
                  <span className={cx("min-w-0 break-words", task.status === "DONE" && "text-zinc-500 line-through dark:text-zinc-400", task.status === "WONT_DO" && "text-zinc-500 dark:text-zinc-400")}>{task.title}</span>
                  <span className="text-xs text-zinc-600 dark:text-zinc-400">
                    {TASK_STATUS_LABEL[task.status]}
                    {task.owner ? ` · ${task.owner}` : ""}
                    {task.dueDate ? ` · due ${task.dueDate}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
