import { Card } from "@/components/ui/card";
import { TaskList } from "@/components/tasks/task-list";
import { TASK_TYPE_LABEL } from "@/lib/tasks/labels";
import { TASK_TYPES } from "@/lib/tasks/fields";
import type { TaskRow } from "@/lib/tasks/queries";
import { QuickTaskForm } from "./quick-task-form";

type Props = {
  tasks: TaskRow[];
  slug: string;
  today: string;
  teamId: string;
  incidentId: string;
  members: { id: string; name: string }[];
  canAdd: boolean;
  from?: { eventId: string; title: string };
};

/** The incident's corrective and preventive work, grouped by type, with overall progress. */
export function TasksPanel({ tasks, slug, today, teamId, incidentId, members, canAdd, from }: Props) {
  const counted = tasks.filter((t) => t.status !== "WONT_DO");
  const done = counted.filter((t) => t.status === "DONE").length;
  const percent = counted.length ? Math.round((done / counted.length) * 100) : 0;
  return (
    <Card>
      <section aria-labelledby="tasks-heading" id="tasks" className="render-when-near">
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-zinc-200 px-5 py-4 dark:border-zinc-800">
          <h2 id="tasks-heading" className="text-base font-semibold">Tasks</h2>
          {counted.length > 0 && (
            <div className="flex items-center gap-2 text-sm" data-testid="task-progress">
              <span>{done} of {counted.length} done</span>
              <span className="h-2 w-24 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800" role="progressbar" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100} aria-label="Tasks done">
                <span className="block h-full bg-emerald-500" style={{ width: `${percent}%` }} />
              </span>
            </div>
          )}
        </div>
        {canAdd && (
          <div className="border-b border-zinc-200 p-4 dark:border-zinc-800">
            <QuickTaskForm teamId={teamId} incidentId={incidentId} members={members} from={from} />
          </div>
        )}
        {tasks.length === 0 ? (
          <p className="px-5 py-6 text-sm text-zinc-600 dark:text-zinc-400">No tasks yet. Every promise a postmortem makes — fix the query, tune the alert, schedule the load test — belongs here, with an owner and a date.</p>
        ) : (
          TASK_TYPES.filter((type) => tasks.some((t) => t.type === type)).map((type) => (
            <div key={type}>
              <h3 className="bg-zinc-50 px-4 py-1.5 text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:bg-zinc-900/60 dark:text-zinc-400">
                {TASK_TYPE_LABEL[type].label} <span className="font-normal normal-case">— {TASK_TYPE_LABEL[type].hint}</span>
              </h3>
              <TaskList tasks={tasks.filter((t) => t.type === type)} slug={slug} today={today} label={`${TASK_TYPE_LABEL[type].label} tasks`} />
            </div>
          ))
        )}
      </section>
    </Card>
  );
}
