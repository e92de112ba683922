"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";
import { createDestinationAction, updateDestinationAction } from "@/lib/chat/actions";
import { CHAT_EVENT_KINDS, CHAT_EVENT_LABEL } from "@/lib/chat/rules";
import { CHAT_PLATFORMS, PLATFORM_LABEL } from "@/lib/chat/platforms";

const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"] as const;
type Platform = (typeof CHAT_PLATFORMS)[number];
type Initial = { destinationId: string; name: string; platform: Platform; channel: string | null; events: string[]; severities: string[]; credentialHint: string | null };

function Checks({ legend, name, options, chosen, hint, errors }: { legend: string; name: string; options: { value: string; label: string }[]; chosen: string[]; hint: string; errors?: string[] }) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">{legend}</legend>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">{hint}</p>
      <div className="mt-2 flex flex-wrap gap-x-4 gap-y-1.5">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={name} value={o.value} defaultChecked={chosen.includes(o.value)} className="size-4 accent-brand-600" />
            {o.label}
          </label>
        ))}
      </div>
      {errors && <p className="text-sm text-red-700 dark:text-red-400">{errors.join(" ")}</p>}
    </fieldset>
  );
}

/** Adds a chat destination, or edits its rules and credentials (blank credentials keep the stored ones). */
export function DestinationForm({ teamId, initial }: { teamId: string; initial?: Initial }) {
  const [created, create] = useActionState(createDestinationAction, idle);
  const [updated, update] = useActionState(updateDestinationAction, idle);
  const state = initial ? updated : created;
  const values = state.status === "error" ? state.values : null;
  const lists = state.status === "error" ? state.lists : null;
  const errors = state.status === "error" ? (state.error.fields ?? {}) : {};
  const [platform, setPlatform] = useState<Platform>(initial?.platform ?? ((values?.platform as Platform | undefined) ?? "SLACK_WEBHOOK"));
  const bot = platform === "SLACK_BOT";
  const keep = initial ? ` Leave blank to keep the stored one (${initial.credentialHint ?? "none"}).` : "";
  return (
    <form action={initial ? update : create} className="space-y-4">
      <input type="hidden" name="teamId" value={teamId} />
      {initial && <input type="hidden" name="destinationId" value={initial.destinationId} />}
      <TextField label="Name" name="name" maxLength={80} required defaultValue={values?.name ?? initial?.name ?? ""} errors={errors.name} placeholder="#incidents" />
      {initial ? (
        <p className="text-sm">Platform: {PLATFORM_LABEL[initial.platform]}</p>
      ) : (
        <SelectField label="Platform" name="platform" value={platform} onChange={(e) => setPlatform(e.target.value as Platform)} errors={errors.platform} options={CHAT_PLATFORMS.map((p) => ({ value: p, label: PLATFORM_LABEL[p] }))} />
      )}
      {bot ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Bot token" name="botToken" type="password" autoComplete="off" required={!initial} errors={errors.botToken} placeholder="xoxb-…" hint={`A Slack app's bot token with chat:write; the bot must be in the channel.${keep}`} />
          <TextField label="Channel" name="channel" defaultValue={values?.channel ?? initial?.channel ?? ""} required={!initial} errors={errors.channel} placeholder="#incidents or C0123456789" />
        </div>
      ) : (
        <TextField label="Webhook URL" name="webhookUrl" type="password" autoComplete="off" required={!initial} errors={errors.webhookUrl} placeholder="https://…" hint={`The incoming-webhook (or Teams workflow) URL. It is a secret: it is never shown again in full.${keep}`} />
      )}
      <Checks legend="Events" name="events" hint="What to post here." options={CHAT_EVENT_KINDS.map((k) => ({ value: k, label: CHAT_EVENT_LABEL[k] }))} chosen={lists ? (lists.events ?? []) : (initial?.events ?? ["declared", "changed", "resolved"])} errors={errors.events} />
      <Checks legend="Severities" name="severities" hint="Leave all unticked for every severity." options={SEVERITIES.map((s) => ({ value: s, label: s }))} chosen={lists ? (lists.severities ?? []) : (initial?.severities ?? [])} errors={errors.severities} />
      {state.status === "error" && !state.error.fields && <Alert tone="error">{state.error.message}</Alert>}
      {state.status === "ok" && <Alert tone="success">{state.message}</Alert>}
      <SubmitButton pendingLabel="Saving…">{initial ? "Save destination" : "Add destination"}</SubmitButton>
    </form>
  );
}
