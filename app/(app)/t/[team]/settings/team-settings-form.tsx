"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TimeZoneField } from "@/components/time/time-zone-field";
import { idle } from "@/lib/action-state";
import { updateTeamAction } from "@/lib/teams/actions";

type Props = { team: { id: string; name: string; slug: string; timeZone: string }; zones: string[]; editable: boolean };

export function TeamSettingsForm({ team, zones, editable }: Props) {
  const [state, action] = useActionState(updateTeamAction, idle);
  const fields = state.status === "error" ? state.error.fields : undefined;
  const values = state.status === "error" ? state.values : {};
  return (
    <form action={action} className="max-w-lg space-y-5" noValidate>
      {state.status === "error" && !fields && <Alert tone="error">{state.error.message}</Alert>}
      <input type="hidden" name="teamId" value={team.id} />
      <fieldset disabled={!editable} className="space-y-5">
        <TextField label="Team name" name="name" defaultValue={values.name ?? team.name} key={`n-${values.name}`} errors={fields?.name} required />
        <TextField
          label="URL"
          name="slug"
          defaultValue={values.slug ?? team.slug}
          key={`s-${values.slug}`}
          errors={fields?.slug}
          hint="Changing it breaks links people saved to the old URL."
          required
        />
        <TimeZoneField zones={zones} defaultValue={values.timeZone ?? team.timeZone} key={`z-${values.timeZone}`} errors={fields?.timeZone} />
        {editable && <SubmitButton pendingLabel="Saving…">Save changes</SubmitButton>}
      </fieldset>
    </form>
  );
}
