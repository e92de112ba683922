"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { SourceAuthField, SourceFormatField } from "@/components/alerts/source-kind-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { SecretOnce } from "@/components/alerts/secret-once";
import { alertEndpoint } from "@/components/alerts/labels";
import { idle } from "@/lib/action-state";
import { createAlertSourceAction } from "@/lib/alerts/actions";

export function CreateSourceForm({ teamId, origin }: { teamId: string; origin: string }) {
  const [state, action] = useActionState(createAlertSourceAction, idle);
  const fields = state.status === "error" ? state.error.fields : undefined;
  const values = state.status === "error" ? state.values : {};
  if (state.status === "ok") {
    return (
      <div className="space-y-3">
        <Alert tone="success">{`“${state.data.name}” was created.`}</Alert>
        <SecretOnce endpoint={alertEndpoint(origin, state.data.id)} secret={state.data.secret} authMode={state.data.authMode} />
        <a href={`/t/${state.data.team.slug}/settings/alert-sources/${state.data.id}`} className="inline-block text-sm font-medium text-brand-700 hover:underline dark:text-brand-400">
          Edit its format, mapping and routing rules
        </a>
      </div>
    );
  }
  return (
    <form action={action} className="max-w-xl space-y-4" noValidate>
      <input type="hidden" name="teamId" value={teamId} />
      {state.status === "error" && !fields && <Alert tone="error">{state.error.message}</Alert>}
      <TextField label="Name" name="name" maxLength={80} defaultValue={values.name ?? ""} errors={fields?.name} placeholder="Production Alertmanager" required />
      <SourceFormatField defaultValue={values.format ?? "AUTO"} errors={fields?.format} hint="Detection recognises Alertmanager, Grafana and PagerDuty v2 bodies; generic JSON needs a mapping." />
      <SourceAuthField defaultValue={values.authMode ?? "BEARER"} errors={fields?.authMode} />
      <SubmitButton pendingLabel="Creating…">Create source</SubmitButton>
    </form>
  );
}
