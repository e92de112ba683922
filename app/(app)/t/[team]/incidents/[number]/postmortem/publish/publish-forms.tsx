"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";
import { publishAction, revokeAction, withdrawEditionAction } from "@/lib/publishing/actions";

export const PUBLISH_FORM_ID = "publish-form";

type Defaults = { title: string; subtitle: string; customSlug: string; noindex: boolean; listed: boolean };

export function PublishForm({ teamId, postmortemId, contentVersion, teamSlug, defaults, republish, leaks }: { teamId: string; postmortemId: string; contentVersion: number; teamSlug: string; defaults: Defaults; republish: boolean; leaks: number }) {
  const [state, action] = useActionState(publishAction, idle);
  const values = state.status === "error" ? state.values : null;
  const errors = state.status === "error" ? (state.error.fields ?? {}) : {};
  const checked = (name: string, fallback: boolean) => (values ? values[name] === "on" : fallback);
  return (
    <form id={PUBLISH_FORM_ID} action={action} className="space-y-4">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="postmortemId" value={postmortemId} />
      <input type="hidden" name="contentVersion" value={contentVersion} />
      <TextField label="Public title" name="title" required maxLength={200} defaultValue={values?.title ?? defaults.title} errors={errors.title} />
      <TextField label="Subtitle" name="subtitle" maxLength={300} defaultValue={values?.subtitle ?? defaults.subtitle} errors={errors.subtitle} hint="One line that makes people want to read on." />
      <TextField
        label="Readable address (optional)"
        name="customSlug"
        maxLength={80}
        defaultValue={values?.customSlug ?? defaults.customSlug}
        errors={errors.customSlug}
        hint={`/p/${teamSlug}/<address>. Without one, the link is unguessable.`}
      />
      {republish && <TextField label="What changed in this edition" name="note" maxLength={500} defaultValue={values?.note ?? ""} errors={errors.note} hint="Shown in the page's list of editions." />}
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="noindex" defaultChecked={checked("noindex", defaults.noindex)} className="mt-0.5 size-4 accent-brand-600" />
        <span>Ask search engines not to index it (noindex)</span>
      </label>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="listed" defaultChecked={checked("listed", defaults.listed)} className="mt-0.5 size-4 accent-brand-600" />
        <span>List it on the team&apos;s public page (if the team has one)</span>
      </label>
      <label className="flex items-start gap-2 rounded-md bg-amber-50 p-3 text-sm dark:bg-amber-950/30">
        <input type="checkbox" name="confirmed" className="mt-0.5 size-4 accent-brand-600" aria-invalid={Boolean(errors.confirmed)} />
        <span>
          I have read the preview, the names replaced and the redaction check{leaks > 0 ? ` (${leaks} possible leak${leaks === 1 ? "" : "s"} flagged)` : ""}: everything on it may be public.
          {errors.confirmed && <span className="block text-red-700 dark:text-red-400">{errors.confirmed.join(" ")}</span>}
        </span>
      </label>
      {state.status === "error" && !state.error.fields && <Alert tone="error">{state.error.message}</Alert>}
      {state.status === "ok" && <Alert tone="success">{state.message}</Alert>}
      <SubmitButton pendingLabel="Publishing…">{republish ? "Publish a new edition" : "Publish"}</SubmitButton>
    </form>
  );
}

export function RevokeForm({ teamId, postmortemId }: { teamId: string; postmortemId: string }) {
  const [state, action] = useActionState(revokeAction, idle);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm("Take the public page down? Its link will answer “gone” until you publish again.")) e.preventDefault();
      }}
    >
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="postmortemId" value={postmortemId} />
      <SubmitButton variant="danger" size="sm" pendingLabel="Taking down…">Unpublish</SubmitButton>
      {state.status === "error" && <Alert tone="error">{state.error.message}</Alert>}
      {state.status === "ok" && <Alert tone="success">{state.message}</Alert>}
    </form>
  );
}

export function WithdrawEditionForm({ teamId, postmortemId, edition }: { teamId: string; postmortemId: string; edition: number }) {
  const [state, action] = useActionState(withdrawEditionAction, idle);
  const values = state.status === "error" ? state.values : null;
  const errors = state.status === "error" ? (state.error.fields ?? {}) : {};
  return (
    <details className="mt-2 w-full">
      <summary className="cursor-pointer text-sm text-red-700 hover:underline dark:text-red-400">Withdraw edition {edition}…</summary>
      <form action={action} className="mt-2 space-y-2">
        <input type="hidden" name="teamId" value={teamId} />
        <input type="hidden" name="postmortemId" value={postmortemId} />
        <input type="hidden" name="edition" value={edition} />
        <TextField label={`Why edition ${edition} was withdrawn`} name="note" required maxLength={300} defaultValue={values?.note ?? ""} errors={errors.note} hint="Shown at its link, which will answer “gone”; it leaves the list of editions and the feed, and its pictures go too." />
        <SubmitButton variant="danger" size="sm" pendingLabel="Withdrawing…">Withdraw edition {edition}</SubmitButton>
        {state.status === "error" && !state.error.fields && <Alert tone="error">{state.error.message}</Alert>}
        {state.status === "ok" && <Alert tone="success">{state.message}</Alert>}
      </form>
    </details>
  );
}
