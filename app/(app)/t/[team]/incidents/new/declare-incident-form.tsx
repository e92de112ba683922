"use client";

import { useActionState, useState } from "react";
import { ZonedTimeInput } from "@/components/time/zoned-time-input";
import { isValidTimeZone } from "@/lib/time/zones";
import { Alert } from "@/components/ui/alert";
import { DatalistField } from "@/components/ui/datalist-field";
import { Field, TextField, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { SeverityBadge } from "@/components/incidents/badges";
import { idle } from "@/lib/action-state";
import { declareIncidentAction } from "@/lib/incidents/actions";
import { LONG_TEXT, SEVERITIES, TITLE_MAX } from "@/lib/incidents/fields";
import type { Severity } from "@/lib/generated/prisma/enums";

type Props = { teamId: string; teamTimeZone: string; descriptions: Record<Severity, string>; services: string[]; zones: string[] };

export function DeclareIncidentForm({ teamId, teamTimeZone, descriptions, services, zones }: Props) {
  const [state, action] = useActionState(declareIncidentAction, idle);
  const fields = state.status === "error" ? state.error.fields : undefined;
  const values = state.status === "error" ? state.values : {};
  const severity = values.severity ?? "SEV3";
  const [typedZone, setTypedZone] = useState(values.timeZone ?? teamTimeZone);
  const [startDay, setStartDay] = useState<string | undefined>(undefined);
  // Times are read in the zone as typed so far, or the team's while the zone field holds no valid name.
  const zone = isValidTimeZone(typedZone) ? typedZone : teamTimeZone;
  return (
    <form
      action={action}
      className="mt-6 space-y-6"
      noValidate
      key={state.status === "error" ? JSON.stringify(values) : "fresh"}
      onInput={(e) => {
        const target = e.target as HTMLInputElement;
        if (target.name === "timeZone") setTypedZone(target.value.trim());
      }}
    >
      {state.status === "error" && !fields && <Alert tone="error">{state.error.message}</Alert>}
      <input type="hidden" name="teamId" value={teamId} />
      <TextField label="What is happening?" name="title" required autoFocus defaultValue={values.title} errors={fields?.title} placeholder="Reports are not being generated" maxLength={TITLE_MAX} />
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-zinc-800 dark:text-zinc-200">Severity</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {SEVERITIES.map((level) => (
            <label
              key={level}
              className="flex cursor-pointer gap-3 rounded-lg p-3 ring-1 ring-zinc-200 has-[:checked]:bg-brand-50 has-[:checked]:ring-2 has-[:checked]:ring-brand-500 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500 dark:ring-zinc-700 dark:has-[:checked]:bg-brand-700/15"
            >
              <input type="radio" name="severity" value={level} defaultChecked={severity === level} className="mt-1 accent-brand-600" />
              <span>
                <SeverityBadge severity={level} />
                <span className="mt-1 block text-xs text-zinc-600 dark:text-zinc-400">{descriptions[level]}</span>
              </span>
            </label>
          ))}
        </div>
        {fields?.severity && <p className="mt-1 text-sm text-red-700 dark:text-red-400">{fields.severity.join(" ")}</p>}
      </fieldset>
      <details className="rounded-lg ring-1 ring-zinc-200 dark:ring-zinc-800" open={Boolean(values.startedAt || values.detectedAt || values.services || values.summary || fields)}>
        <summary className="cursor-pointer px-4 py-3 text-sm font-medium">More details (optional)</summary>
        <div className="space-y-5 border-t border-zinc-200 px-4 py-4 dark:border-zinc-800">
          <DatalistField label="Time zone" name="timeZone" options={zones} defaultValue={values.timeZone ?? teamTimeZone} errors={fields?.timeZone} hint={`Defaults to the team's zone, ${teamTimeZone}. The times below are read in it.`} />
          <ZonedTimeInput
            label="Impact started at"
            name="startedAt"
            timeZone={zone}
            submitted={values.startedAt}
            errors={fields?.startedAt}
            onDateChange={setStartDay}
            hint="Leave empty if it started just now. For a past incident, enter when it began."
          />
          <ZonedTimeInput
            label="Detected at"
            name="detectedAt"
            timeZone={zone}
            submitted={values.detectedAt}
            day={startDay}
            errors={fields?.detectedAt}
            hint="For a past incident: when someone noticed (a time alone is on the start day). Left empty, it stays unknown; with no start either, it is now."
          />
          <DatalistField
            label="Affected services"
            name="services"
            options={services}
            defaultValue={values.services}
            errors={fields?.services}
            hint="Comma-separated. New names are added to the team's list."
            placeholder="reports, database"
          />
          <Field label="Summary" name="summary" errors={fields?.summary} max={LONG_TEXT}>
            {(control) => <textarea {...control} rows={3} defaultValue={values.summary} className={inputClass} />}
          </Field>
        </div>
      </details>
      <SubmitButton pendingLabel="Declaring…">Declare incident</SubmitButton>
    </form>
  );
}
