"use client";

import { useActionState, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Field, inputClass, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { SourceAuthField, SourceFormatField } from "@/components/alerts/source-kind-fields";
import { Moment } from "@/components/time/moment";
import { idle } from "@/lib/action-state";
import { previewMappingAction, updateAlertSourceAction } from "@/lib/alerts/actions";
import { MAPPING_MAX, RULES_MAX } from "@/lib/alerts/schema";
import type { AlertAuthMode, AlertFormat } from "@/lib/generated/prisma/enums";

type Source = { id: string; name: string; format: AlertFormat; authMode: AlertAuthMode; mapping: string; rules: string; enabled: boolean; version: number };

const MAPPING_EXAMPLE = `{
  "title": check.name & ": " & text,
  "severity": $lowercase(level),
  "dedupKey": check.name & "/" & check.host,
  "status": state = "ok" ? "resolved" : "firing",
  "startsAt": since,
  "labels": tags
}`;

export function SourceForm({ teamId, timeZone, source }: { teamId: string; timeZone: string; source: Source }) {
  const [state, action] = useActionState(updateAlertSourceAction, idle);
  const [preview, previewAction] = useActionState(previewMappingAction, idle);
  const mappingRef = useRef<HTMLTextAreaElement>(null);
  const fields = state.status === "error" ? state.error.fields : undefined;
  const values = state.status === "error" ? state.values : {};
  return (
    <div className="space-y-6">
      <form action={action} className="space-y-4" noValidate>
        <input type="hidden" name="teamId" value={teamId} />
        <input type="hidden" name="sourceId" value={source.id} />
        <input type="hidden" name="version" value={source.version} />
        {state.status === "error" && <Alert tone="error">{state.error.message}</Alert>}
        {state.status === "ok" && <Alert tone="success">{state.message}</Alert>}
        <TextField label="Name" name="name" maxLength={80} defaultValue={values.name ?? source.name} errors={fields?.name} required />
        <div className="grid gap-4 sm:grid-cols-2">
          <SourceFormatField defaultValue={values.format ?? source.format} errors={fields?.format} />
          <SourceAuthField defaultValue={values.authMode ?? source.authMode} errors={fields?.authMode} />
        </div>
        <Field
          label="Mapping (JSONata)"
          name="mapping"
          max={MAPPING_MAX}
          errors={fields?.mapping}
          hint={<>For generic JSON: an expression giving {"{ title, severity, dedupKey, status, startsAt, labels }"} (or an array of them). Preview it on the last bodies below before saving.</>}
        >
          {(control) => <textarea {...control} ref={mappingRef} rows={8} defaultValue={values.mapping ?? source.mapping} placeholder={MAPPING_EXAMPLE} className={`${inputClass} font-mono`} spellCheck={false} />}
        </Field>
        <Field
          label="Routing rules (JSON, first match wins)"
          name="rules"
          max={RULES_MAX}
          errors={fields?.rules ?? Object.entries(fields ?? {}).flatMap(([key, messages]) => (key.startsWith("rules.") ? (messages ?? []).map((m) => `${key}: ${m}`) : []))}
          hint={
            <>
              Each rule: {'{"action": "declare" | "attach" | "triage", "when": [{"field": "labels.severity", "op": "equals" | "matches", "value": "critical"}]}'}. Declare takes title
              (with {"{{labels.x}}"}), severity, services and commanderId; attach takes serviceLabel. Alerts matching no rule wait in the triage inbox.
            </>
          }
        >
          {(control) => <textarea {...control} rows={8} defaultValue={values.rules ?? source.rules} className={`${inputClass} font-mono`} spellCheck={false} />}
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="enabled" defaultChecked={values.enabled ? values.enabled === "on" : source.enabled} className="size-4 rounded focus-visible:outline-2 focus-visible:outline-brand-500" />
          Accept deliveries (a disabled source answers 401)
        </label>
        <SubmitButton pendingLabel="Saving…">Save source</SubmitButton>
      </form>

      <form
        action={(form) => {
          form.set("mapping", mappingRef.current?.value ?? "");
          previewAction(form);
        }}
        className="space-y-3"
      >
        <input type="hidden" name="teamId" value={teamId} />
        <input type="hidden" name="sourceId" value={source.id} />
        <SubmitButton variant="secondary" pendingLabel="Previewing…">
          Preview mapping on the last bodies
        </SubmitButton>
        {preview.status === "error" && <Alert tone="error">{preview.error.message}</Alert>}
        {preview.status === "ok" &&
          (preview.data.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing received yet: send a body to the endpoint first, then preview.</p>
          ) : (
            <ol className="space-y-2" aria-label="Mapping preview">
              {preview.data.map((result) => (
                <li key={result.deliveryId} className="space-y-1">
                  <p className="text-xs text-zinc-600 dark:text-zinc-400">
                    Body received <Moment date={result.receivedAt} timeZone={timeZone} withDate /> — {result.ok ? "maps to" : "fails"}
                  </p>
                  <pre data-testid="preview-result" className={`max-h-64 overflow-auto rounded p-2 text-xs ${result.ok ? "bg-zinc-100 dark:bg-zinc-800" : "bg-red-50 text-red-800 dark:bg-red-950/50 dark:text-red-200"}`}>
                    {result.result}
                  </pre>
                </li>
              ))}
            </ol>
          ))}
      </form>
    </div>
  );
}
