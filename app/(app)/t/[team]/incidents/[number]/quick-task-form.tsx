"use client";

import { inputClass } from "@/components/ui/field";
import { DateInput } from "@/components/time/date-input";
import { Button } from "@/components/ui/button";
import { LimitCounter } from "@/components/ui/limit-counter";
import { useKeepTyping } from "@/components/ui/use-keep-typing";
import { createTaskAction } from "@/lib/tasks/actions";
import { TASK_TYPE_LABEL } from "@/lib/tasks/labels";
import { TASK_TITLE_MAX, TASK_TYPES } from "@/lib/tasks/fields";

type Props = {
  teamId: string;
  incidentId: string;
  members: { id: string; name: string }[];
  /** Prefill from a timeline event ("turn this into a task"). */
  from?: { eventId: string; title: string };
};

/** One line to add a task to the incident: title, type, owner, due date. */
export function QuickTaskForm({ teamId, incidentId, members, from }: Props) {
  const { state, pending, form, onSubmit } = useKeepTyping(createTaskAction, ["title", "type", "ownerId", "dueDate"]);
  const fields = state.status === "error" ? state.error.fields : undefined;
  const values = state.status === "error" ? state.values : {};
  const errors = fields ? Object.values(fields).flat().join(" ") : state.status === "error" ? state.error.message : null;
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-2" noValidate>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="incidentId" value={incidentId} />
      {from && <input type="hidden" name="sourceEventId" value={from.eventId} />}
      <div className="flex items-baseline justify-between gap-3">
        <label htmlFor="task-title" className="sr-only">New task</label>
        <LimitCounter targetId="task-title" max={TASK_TITLE_MAX} id="task-title-limit" />
      </div>
      <input id="task-title" name="title" required aria-describedby="task-title-limit" defaultValue={from?.title} placeholder="Add a task: e.g. Add an index on reviews (product_id, created_at)" className={inputClass} autoFocus={Boolean(from)} />
      <div className="flex flex-wrap items-center gap-2">
        <div className="w-36">
          <label htmlFor="task-type" className="sr-only">Type</label>
          <select id="task-type" name="type" defaultValue={values.type ?? "CORRECTIVE"} className={inputClass}>
            {TASK_TYPES.map((t) => (
              <option key={t} value={t}>{TASK_TYPE_LABEL[t].label}</option>
            ))}
          </select>
        </div>
        <div className="w-40">
          <label htmlFor="task-owner" className="sr-only">Owner</label>
          <select id="task-owner" name="ownerId" defaultValue={values.ownerId ?? ""} className={inputClass}>
            <option value="">Unassigned</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>{m.name}</option>
            ))}
          </select>
        </div>
        <div className="w-40">
          <label htmlFor="task-due" className="sr-only">Due date, YYYY-MM-DD</label>
          <DateInput id="task-due" name="dueDate" defaultValue={values.dueDate} placeholder="Due YYYY-MM-DD" />
        </div>
        <Button type="submit" size="sm" aria-disabled={pending}>
          {pending ? "Adding…" : "Add task"}
        </Button>
      </div>
      {errors && <p role="alert" className="text-sm text-red-700 dark:text-red-400">{errors}</p>}
      {state.status === "ok" && <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">{state.message}</p>}
    </form>
  );
}
