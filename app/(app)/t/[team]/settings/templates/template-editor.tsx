"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LimitCount } from "@/components/ui/limit-counter";
import { TextField, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";
import { saveTemplateAction } from "@/lib/postmortems/templates/actions";
import type { TemplateSection } from "@/lib/postmortems/templates/schema";

type Row = TemplateSection & { key: number };

const BLOCKS = [
  { value: "", label: "No live block" },
  { value: "summary", label: "Incident summary" },
  { value: "timeline", label: "Timeline" },
  { value: "tasks", label: "Tasks" },
] as const;

/** Sections as editable rows (heading, help, required, live block), reordered with buttons; sent as JSON. */
export function TemplateEditor(props: { teamId: string; templateId?: string; version?: number; name: string; description: string; sections: TemplateSection[] }) {
  const [state, action] = useActionState(saveTemplateAction, idle);
  const [rows, setRows] = useState<Row[]>(() => props.sections.map((s, key) => ({ ...s, key })));
  const [nextKey, setNextKey] = useState(props.sections.length);
  const errors = state.status === "error" ? (state.error.fields ?? {}) : {};
  const values = state.status === "error" ? state.values : null;
  const update = (key: number, patch: Partial<TemplateSection>) => setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const move = (index: number, by: number) =>
    setRows((list) => {
      const next = [...list];
      const [row] = next.splice(index, 1);
      if (row) next.splice(index + by, 0, row);
      return next;
    });
  const sections = rows.map(({ key: _key, ...section }) => ({ ...section, block: section.block || undefined }));
  return (
    <form action={action} className="space-y-5">
      <input type="hidden" name="teamId" value={props.teamId} />
      {props.templateId && <input type="hidden" name="templateId" value={props.templateId} />}
      {props.version && <input type="hidden" name="version" value={props.version} />}
      <input type="hidden" name="sections" value={JSON.stringify(sections)} />
      <TextField label="Name" name="name" required maxLength={80} defaultValue={values?.name ?? props.name} errors={errors.name} />
      <TextField label="Description" name="description" maxLength={300} defaultValue={values?.description ?? props.description} errors={errors.description} />
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">Sections</legend>
        {errors.sections && <p className="text-sm text-red-700 dark:text-red-400">{errors.sections.join(" ")}</p>}
        <ol className="space-y-3">
          {rows.map((row, i) => (
            <li key={row.key} className="space-y-2 rounded-lg p-3 ring-1 ring-zinc-200 dark:ring-zinc-700" data-testid="template-section">
              <div className="flex flex-wrap items-end gap-2">
                <label className="min-w-48 flex-1 text-sm">
                  <span className="mb-1 flex justify-between gap-2 font-medium">Heading {i + 1} <LimitCount length={row.heading.length} max={120} /></span>
                  <input value={row.heading} onChange={(e) => update(row.key, { heading: e.target.value })} className={inputClass} aria-invalid={Boolean(errors[`sections.${i}.heading`])} />
                </label>
                <label className="text-sm">
                  <span className="mb-1 block font-medium">Live block</span>
                  <select value={row.block ?? ""} onChange={(e) => update(row.key, { block: (e.target.value || undefined) as TemplateSection["block"] })} className={inputClass}>
                    {BLOCKS.map((b) => (
                      <option key={b.value} value={b.value}>{b.label}</option>
                    ))}
                  </select>
                </label>
                <label className="flex items-center gap-2 pb-2 text-sm">
                  <input type="checkbox" checked={row.required} onChange={(e) => update(row.key, { required: e.target.checked })} className="size-4 accent-brand-600" />
                  Required
                </label>
              </div>
              {errors[`sections.${i}.heading`] && <p className="text-sm text-red-700 dark:text-red-400">{errors[`sections.${i}.heading`]?.join(" ")}</p>}
              <label className="block text-sm">
                <span className="mb-1 flex justify-between gap-2 font-medium">Help text, shown while the section is empty <LimitCount length={row.help.length} max={500} /></span>
                <textarea value={row.help} onChange={(e) => update(row.key, { help: e.target.value })} rows={2} className={inputClass} />
              </label>
              <div className="flex gap-1">
                <Button size="sm" variant="ghost" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move section ${i + 1} up`}>↑ Up</Button>
                <Button size="sm" variant="ghost" disabled={i === rows.length - 1} onClick={() => move(i, 1)} aria-label={`Move section ${i + 1} down`}>↓ Down</Button>
                <Button size="sm" variant="ghost" onClick={() => setRows((list) => list.filter((r) => r.key !== row.key))} aria-label={`Remove section ${i + 1}`}>Remove</Button>
              </div>
            </li>
          ))}
        </ol>
        <Button
          variant="secondary"
          size="sm"
          onClick={() => {
            setRows((list) => [...list, { key: nextKey, heading: "", help: "", required: false }]);
            setNextKey((k) => k + 1);
          }}
        >
          Add a section
        </Button>
      </fieldset>
      {state.status === "error" && <Alert tone="error">{state.error.fields ? "Please correct the highlighted fields." : state.error.message}</Alert>}
      {state.status === "ok" && <Alert tone="success">{state.message}</Alert>}
      <SubmitButton pendingLabel="Saving…">Save template</SubmitButton>
    </form>
  );
}
