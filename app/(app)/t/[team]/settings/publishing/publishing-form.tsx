"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { inputClass } from "@/components/ui/field";
import { LimitCounter } from "@/components/ui/limit-counter";
import { HOST_PATTERNS_MAX } from "@/lib/publishing/limits";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";
import { publishingSettingsAction } from "@/lib/publishing/actions";

export function PublishingForm({ teamId, teamSlug, publicIndex, internalHostPatterns, accent, editable }: { teamId: string; teamSlug: string; publicIndex: boolean; internalHostPatterns: string; accent: string; editable: boolean }) {
  const [state, action] = useActionState(publishingSettingsAction, idle);
  const values = state.status === "error" ? state.values : null;
  const errors = state.status === "error" ? (state.error.fields ?? {}) : {};
  return (
    <form action={action} className="space-y-5">
      <input type="hidden" name="teamId" value={teamId} />
      <fieldset disabled={!editable} className="space-y-5">
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="publicIndex" defaultChecked={values ? values.publicIndex === "on" : publicIndex} className="mt-0.5 size-4 accent-brand-600" />
          <span>
            Public index of our postmortems, with an Atom feed
            <span className="block text-xs text-zinc-600 dark:text-zinc-400">At /p/teams/{teamSlug}. Only postmortems published with “list it” appear.</span>
          </span>
        </label>
        <div className="space-y-1.5">
          <div className="flex items-baseline justify-between gap-3">
            <label htmlFor="host-patterns" className="block text-sm font-medium">Internal host names</label>
            <LimitCounter targetId="host-patterns" max={HOST_PATTERNS_MAX} />
          </div>
          <textarea id="host-patterns" name="internalHostPatterns" rows={4} className={`${inputClass} font-mono text-xs`} defaultValue={values?.internalHostPatterns ?? internalHostPatterns} aria-invalid={Boolean(errors.internalHostPatterns)} placeholder={"*.corp.example.com\ndb-*"} />
          <p className="text-xs text-zinc-600 dark:text-zinc-400">One pattern per line; * matches any part of a name. The redaction check flags them before publishing.</p>
          {errors.internalHostPatterns && <p className="text-sm text-red-700 dark:text-red-400">{errors.internalHostPatterns.join(" ")}</p>}
        </div>
        <div className="space-y-1.5">
          <label htmlFor="accent" className="block text-sm font-medium">Accent colour of public pages</label>
          <div className="flex items-center gap-2">
            <input id="accent" name="accent" className={`${inputClass} w-36 font-mono`} defaultValue={values?.accent ?? accent} placeholder="#4338ca" autoComplete="off" spellCheck={false} aria-invalid={Boolean(errors.accent)} aria-describedby="accent-hint" />
            {accent && <span aria-hidden="true" className="size-8 shrink-0 rounded-md ring-1 ring-zinc-300 dark:ring-zinc-700" style={{ background: accent }} />}
          </div>
          <p id="accent-hint" className="text-xs text-zinc-600 dark:text-zinc-400">As #rrggbb. Links and the page’s mark use it, so it must read at 4.5:1 on the light page; the dark page gets a lighter shade of it. Empty: Hindsight’s indigo.</p>
          {errors.accent && <p className="text-sm text-red-700 dark:text-red-400">{errors.accent.join(" ")}</p>}
        </div>
      </fieldset>
      {state.status === "error" && !state.error.fields && <Alert tone="error">{state.error.message}</Alert>}
      {state.status === "ok" && <Alert tone="success">{state.message}</Alert>}
      {editable ? <SubmitButton pendingLabel="Saving…">Save</SubmitButton> : <p className="text-sm text-zinc-600 dark:text-zinc-400">Only owners and admins can change these.</p>}
    </form>
  );
}
