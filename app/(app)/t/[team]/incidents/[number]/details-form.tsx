"use client";

import { DatalistField } from "@/components/ui/datalist-field";
import { Field, SelectField, TextField, inputClass } from "@/components/ui/field";
import { LONG_TEXT, SEVERITIES, TITLE_MAX } from "@/lib/incidents/fields";
import type { IncidentDetail } from "@/lib/incidents/queries";
import { VersionedForm } from "./versioned-form";

type Props = { teamId: string; incident: IncidentDetail; members: { id: string; name: string }[]; services: string[]; zones: string[] };

export function DetailsForm({ teamId, incident, members, services, zones }: Props) {
  return (
    <VersionedForm teamId={teamId} incidentId={incident.id} version={incident.version} submitLabel="Save details">
      {({ values, fields }) => (
        <>
          <TextField label="Title" name="title" defaultValue={values.title ?? incident.title} errors={fields?.title} required maxLength={TITLE_MAX} />
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField label="Severity" name="severity" defaultValue={values.severity ?? incident.severity} options={SEVERITIES.map((s) => ({ value: s, label: s }))} errors={fields?.severity} />
            <SelectField
              label="Incident commander"
              name="commanderId"
              defaultValue={values.commanderId ?? incident.commander?.id ?? ""}
              options={[{ value: "", label: "Unassigned" }, ...members.map((m) => ({ value: m.id, label: m.name }))]}
              errors={fields?.commanderId}
            />
          </div>
          <DatalistField
            label="Affected services"
            name="services"
            options={services}
            defaultValue={values.services ?? incident.services.map((s) => s.service.name).join(", ")}
            errors={fields?.services}
            hint="Comma-separated; new names are added to the team's list."
          />
          <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
            <Field label="Impact" name="impact" errors={fields?.impact} max={LONG_TEXT}>
              {(control) => <textarea {...control} rows={2} defaultValue={values.impact ?? incident.impact} className={inputClass} placeholder="Reports were delayed for most users" />}
            </Field>
            <TextField
              label="Users affected (%)"
              name="usersAffectedPct"
              type="number"
              min={0}
              max={100}
              inputMode="numeric"
              defaultValue={values.usersAffectedPct ?? incident.usersAffectedPct?.toString() ?? ""}
              errors={fields?.usersAffectedPct}
            />
          </div>
          <Field label="Summary" name="summary" errors={fields?.summary} max={LONG_TEXT}>
            {(control) => <textarea {...control} rows={3} defaultValue={values.summary ?? incident.summary} className={inputClass} />}
          </Field>
          <Field label="Root cause" name="rootCause" errors={fields?.rootCause} max={LONG_TEXT}>
            {(control) => <textarea {...control} rows={3} defaultValue={values.rootCause ?? incident.rootCause} className={inputClass} />}
          </Field>
          <Field label="Resolution" name="resolution" errors={fields?.resolution} max={LONG_TEXT}>
            {(control) => <textarea {...control} rows={3} defaultValue={values.resolution ?? incident.resolution} className={inputClass} />}
          </Field>
          <DatalistField
            label="Time zone"
            name="timeZone"
            options={zones}
            defaultValue={values.timeZone ?? incident.timeZone}
            errors={fields?.timeZone}
            hint="Times on this incident are shown and entered in this zone."
          />
        </>
      )}
    </VersionedForm>
  );
}
