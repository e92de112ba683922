"use client";

import { Field, SelectField, TextField, inputClass } from "@/components/ui/field";
import { DateInput } from "@/components/time/date-input";
import { VersionedForm } from "@/components/ui/versioned-form";
import { updateTaskAction } from "@/lib/tasks/actions";
import { TASK_TYPE_LABEL } from "@/lib/tasks/labels";
import { TASK_DESCRIPTION_MAX, TASK_KEY_MAX, TASK_PRIORITIES, TASK_VERIFICATION_MAX } from "@/lib/tasks/schema";
import { TASK_TITLE_MAX, TASK_TYPES } from "@/lib/tasks/fields";
import type { TaskDetail } from "@/lib/tasks/queries";

/** The task's fields; a save that loses to someone else's names them and keeps what was typed. */
export function TaskEditForm({ teamId, task, members }: { teamId: string; task: TaskDetail; members: { id: string; name: string }[] }) {
  return (
    <VersionedForm action={updateTaskAction} version={task.version} hidden={{ teamId, taskId: task.id }} submitLabel="Save task" size="md">
      {({ values, fields }) => (
        <>
          <TextField label="Title" name="title" defaultValue={values.title ?? task.title} errors={fields?.title} maxLength={TASK_TITLE_MAX} required />
          <div className="grid gap-4 sm:grid-cols-3">
            <SelectField label="Type" name="type" defaultValue={values.type ?? task.type} options={TASK_TYPES.map((t) => ({ value: t, label: TASK_TYPE_LABEL[t].label }))} errors={fields?.type} />
            <SelectField label="Priority" name="priority" defaultValue={values.priority ?? task.priority} options={TASK_PRIORITIES.map((p) => ({ value: p, label: p }))} errors={fields?.priority} />
            <SelectField label="Owner" name="ownerId" defaultValue={values.ownerId ?? task.ownerId ?? ""} options={[{ value: "", label: "Unassigned" }, ...members.map((m) => ({ value: m.id, label: m.name }))]} errors={fields?.ownerId} />
          </div>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field label="Due date" name="dueDate" errors={fields?.dueDate} hint="YYYY-MM-DD. Empty: no due date.">
              {(control) => <DateInput {...control} defaultValue={values.dueDate ?? task.dueDate?.toISOString().slice(0, 10) ?? ""} />}
            </Field>
            <TextField label="Repeat every" name="recurrenceEvery" type="number" min={1} max={52} defaultValue={values.recurrenceEvery ?? task.recurrenceEvery?.toString() ?? ""} errors={fields?.recurrenceEvery} hint="Empty: does not repeat." />
            <SelectField label="Unit" name="recurrenceUnit" defaultValue={values.recurrenceUnit ?? task.recurrenceUnit ?? ""} options={[{ value: "", label: "—" }, { value: "WEEKS", label: "weeks" }, { value: "MONTHS", label: "months" }]} errors={fields?.recurrenceUnit} />
          </div>
          <Field label="Description" name="description" errors={fields?.description} max={TASK_DESCRIPTION_MAX}>
            {(control) => <textarea {...control} rows={4} defaultValue={values.description ?? task.description} className={inputClass} />}
          </Field>
          <TextField
            label="How we know it worked (verification)"
            name="verificationCriteria"
            maxLength={TASK_VERIFICATION_MAX}
            defaultValue={values.verificationCriteria ?? task.verificationCriteria}
            errors={fields?.verificationCriteria}
            hint="e.g. “alert fired in a drill”, “p95 back under 200 ms”. With verification on for the team, someone other than the owner closes it."
          />
          <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
            <TextField label="Tracker link" name="externalUrl" type="url" defaultValue={values.externalUrl ?? task.externalUrl ?? ""} errors={fields?.externalUrl} placeholder="https://…" />
            <TextField label="Tracker key" name="externalKey" maxLength={TASK_KEY_MAX} defaultValue={values.externalKey ?? task.externalKey ?? ""} errors={fields?.externalKey} placeholder="OPS-123" />
          </div>
        </>
      )}
    </VersionedForm>
  );
}
