"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { SecretReveal } from "@/components/outbound/secret-reveal";
import { idle } from "@/lib/action-state";
import { createEndpointAction, updateEndpointAction } from "@/lib/webhooks/actions";
import { WEBHOOK_EVENT_TYPES } from "@/lib/outbound/event-types";

type Initial = { endpointId: string; url: string; description: string; events: string[] };

/** Adds an endpoint, or edits one when `initial` is given; no event chosen means every event. */
export function EndpointForm({ teamId, initial }: { teamId: string; initial?: Initial }) {
  const [created, create] = useActionState(createEndpointAction, idle);
  const [updated, update] = useActionState(updateEndpointAction, idle);
  const state = initial ? updated : created;
  const values = state.status === "error" ? state.values : null;
  const errors = state.status === "error" ? (state.error.fields ?? {}) : {};
  const chosen = state.status === "error" ? (state.lists.events ?? []) : (initial?.events ?? []);
  return (
    <form action={initial ? update : create} className="space-y-4">
      <input type="hidden" name="teamId" value={teamId} />
      {initial && <input type="hidden" name="endpointId" value={initial.endpointId} />}
      <TextField label="Endpoint URL" name="url" type="url" required defaultValue={values?.url ?? initial?.url ?? ""} errors={errors.url} placeholder="https://hooks.example.com/hindsight" hint="Hindsight POSTs JSON signed per Standard Webhooks. Private and internal addresses are refused." />
      <TextField label="Description" name="description" maxLength={120} defaultValue={values?.description ?? initial?.description ?? ""} errors={errors.description} placeholder="Status page updater" />
      <fieldset>
        <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Events</legend>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">Leave all unticked to receive every event, including ones added later.</p>
        <div className="mt-2 grid gap-1.5 sm:grid-cols-2">
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <label key={type} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="events" value={type} defaultChecked={chosen.includes(type)} className="size-4 accent-brand-600" />
              <span className="font-mono text-xs">{type}</span>
            </label>
          ))}
        </div>
        {errors.events && <p className="text-sm text-red-700 dark:text-red-400">{errors.events.join(" ")}</p>}
      </fieldset>
      {state.status === "error" && !state.error.fields && <Alert tone="error">{state.error.message}</Alert>}
      {created.status === "ok" && !initial && (
        <Alert tone="success">
          {created.message}
          <SecretReveal secret={created.data.secret} />
        </Alert>
      )}
      {updated.status === "ok" && initial && <Alert tone="success">{updated.message}</Alert>}
      <SubmitButton pendingLabel="Saving…">{initial ? "Save endpoint" : "Add endpoint"}</SubmitButton>
    </form>
  );
}
