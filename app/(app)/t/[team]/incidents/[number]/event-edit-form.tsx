"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { KindSelect } from "@/components/timeline/kind-select";
import { idle } from "@/lib/action-state";
import { editEventAction } from "@/lib/timeline/actions";
import { ZonedTimeInput } from "@/components/time/zoned-time-input";
import type { EventData } from "@/lib/timeline/event-data";

/** Editing one event in place: kind, time in the incident's zone, text. Only one is open at a time. */
export function EventEditForm({ entry, teamId, timeZone, onDone }: { entry: EventData; teamId: string; timeZone: string; onDone: () => void }) {
  const [state, action] = useActionState(async (previous: Parameters<typeof editEventAction>[0], form: FormData) => {
    const result = await editEventAction(previous, form);
    if (result.status === "ok") onDone();
    return result;
  }, idle);
  const fields = state.status === "error" ? state.error.fields : undefined;
  const values = state.status === "error" ? state.values : {};
  return (
    <form action={action} className="mt-2 space-y-2" noValidate>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="eventId" value={entry.id} />
      <input type="hidden" name="version" value={entry.version} />
      <div className="flex flex-col gap-2 sm:flex-row">
        <label className="sr-only" htmlFor={`kind-${entry.id}`}>Kind</label>
        <KindSelect id={`kind-${entry.id}`} defaultValue={values.kind ?? entry.kind} className={`${inputClass} sm:w-44`} />
        <ZonedTimeInput name="occurredAt" label="When" compact timeZone={timeZone} stored={entry.occurredAt} submitted={values.occurredAt} errors={fields?.occurredAt} />
      </div>
      <label className="sr-only" htmlFor={`body-${entry.id}`}>Text</label>
      <textarea id={`body-${entry.id}`} name="body" rows={3} defaultValue={values.body ?? entry.body} className={inputClass} />
      {fields && <p role="alert" className="text-sm text-red-700 dark:text-red-400">{Object.values(fields).flat().join(" ")}</p>}
      {state.status === "error" && !fields && <p role="alert" className="text-sm text-red-700 dark:text-red-400">{state.error.message}</p>}
      <div className="flex gap-2">
        <SubmitButton size="sm" pendingLabel="Saving…">Save</SubmitButton>
        <Button variant="ghost" size="sm" onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
