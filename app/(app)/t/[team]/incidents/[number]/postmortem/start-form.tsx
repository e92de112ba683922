"use client";

import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { cx } from "@/components/ui/cx";
import { idle } from "@/lib/action-state";
import { startPostmortemAction } from "@/lib/postmortems/actions";
import type { Template } from "@/lib/postmortems/templates/schema";

const BLOCK_LABEL = { summary: "live summary", timeline: "live timeline", tasks: "live tasks" } as const;

/** Pick a template and a title; the document starts with the template's sections and live blocks. */
export function StartForm({ teamId, incidentId, defaultTitle, templates }: { teamId: string; incidentId: string; defaultTitle: string; templates: Template[] }) {
  const [state, action] = useActionState(startPostmortemAction, idle);
  const values = state.status === "error" ? state.values : {};
  const errors = state.status === "error" ? (state.error.fields ?? {}) : {};
  const chosen = values.templateId ?? templates[0]?.id;
  return (
    <form action={action} className="space-y-5">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="incidentId" value={incidentId} />
      {state.status === "error" && !state.error.fields && <Alert tone="error">{state.error.message}</Alert>}
      <TextField label="Title" name="title" defaultValue={values.title ?? defaultTitle} errors={errors.title} maxLength={200} required />
      <fieldset>
        <legend className="text-sm font-medium">Template</legend>
        {errors.templateId && <p className="mt-1 text-sm text-red-700 dark:text-red-400">{errors.templateId.join(" ")}</p>}
        <div className="mt-2 grid gap-3 md:grid-cols-2">
          {templates.map((template) => (
            <label
              key={template.id}
              className={cx(
                "block cursor-pointer rounded-lg p-4 ring-1 ring-zinc-200 has-[:checked]:ring-2 has-[:checked]:ring-brand-500 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500 dark:ring-zinc-700",
              )}
            >
              <span className="flex items-center gap-2">
                <input type="radio" name="templateId" value={template.id} defaultChecked={template.id === chosen} className="accent-brand-600" />
                <span className="font-medium">{template.name}</span>
                {template.builtIn && <span className="rounded bg-zinc-100 px-1.5 text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">built in</span>}
              </span>
              {template.description && <span className="mt-1 block text-sm text-zinc-600 dark:text-zinc-400">{template.description}</span>}
              <ol className="mt-2 list-decimal space-y-0.5 pl-5 text-xs text-zinc-600 dark:text-zinc-400">
                {template.sections.map((section, i) => (
                  <li key={i}>
                    {section.heading}
                    {section.required && <span className="text-zinc-600 dark:text-zinc-400"> · required</span>}
                    {section.block && <span className="text-brand-700 dark:text-brand-100"> · {BLOCK_LABEL[section.block]}</span>}
                  </li>
                ))}
              </ol>
            </label>
          ))}
        </div>
      </fieldset>
      <SubmitButton pendingLabel="Starting…">Start the postmortem</SubmitButton>
    </form>
  );
}
