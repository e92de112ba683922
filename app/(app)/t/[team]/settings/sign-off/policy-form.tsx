"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { inputClass } from "@/components/ui/field";
import { idle } from "@/lib/action-state";
import { updateReviewPolicyAction } from "@/lib/reviews/actions";
import type { ReviewPolicy } from "@/lib/reviews/policy";

const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"] as const;

/** Per severity: approvals needed, whether the commander and an admin must be among them, and when a missing postmortem is overdue. */
export function PolicyForm({ teamId, policy, editable }: { teamId: string; policy: ReviewPolicy; editable: boolean }) {
  const [state, action] = useActionState(updateReviewPolicyAction, idle);
  const values = state.status === "error" ? state.values : null;
  const errors = state.status === "error" ? (state.error.fields ?? {}) : {};
  const checked = (name: string, fallback: boolean) => (values ? values[name] === "on" : fallback);
  return (
    <form action={action} className="space-y-5">
      <input type="hidden" name="teamId" value={teamId} />
      <fieldset disabled={!editable} className="space-y-5">
        <div className="overflow-x-auto">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <thead>
              <tr className="text-xs text-zinc-600 dark:text-zinc-400">
                <th scope="col" className="py-2 pr-3 font-medium">Severity</th>
                <th scope="col" className="py-2 pr-3 font-medium">Approvals needed</th>
                <th scope="col" className="py-2 pr-3 font-medium">Commander must approve</th>
                <th scope="col" className="py-2 pr-3 font-medium">An admin must approve</th>
                <th scope="col" className="py-2 font-medium">Overdue after (days resolved)</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {SEVERITIES.map((sev) => (
                <tr key={sev}>
                  <th scope="row" className="py-2 pr-3 font-semibold">{sev}</th>
                  <td className="py-2 pr-3">
                    <label className="sr-only" htmlFor={`${sev}-approvals`}>{sev} approvals needed</label>
                    <input id={`${sev}-approvals`} name={`${sev}.approvals`} type="number" min={1} max={10} required defaultValue={values?.[`${sev}.approvals`] ?? policy.rules[sev].approvals} aria-invalid={Boolean(errors[`${sev}.approvals`])} className={`${inputClass} w-20`} />
                    {errors[`${sev}.approvals`] && <p className="mt-1 text-xs text-red-700 dark:text-red-400">{errors[`${sev}.approvals`]?.join(" ")}</p>}
                  </td>
                  <td className="py-2 pr-3">
                    <input aria-label={`${sev}: the incident commander must approve`} name={`${sev}.commander`} type="checkbox" defaultChecked={checked(`${sev}.commander`, policy.rules[sev].commander)} className="size-4 accent-brand-600" />
                  </td>
                  <td className="py-2 pr-3">
                    <input aria-label={`${sev}: an admin or owner must approve`} name={`${sev}.admin`} type="checkbox" defaultChecked={checked(`${sev}.admin`, policy.rules[sev].admin)} className="size-4 accent-brand-600" />
                  </td>
                  <td className="py-2">
                    <label className="sr-only" htmlFor={`${sev}-overdue`}>{sev} overdue after days</label>
                    <input id={`${sev}-overdue`} name={`${sev}.overdueDays`} type="number" min={1} max={365} required defaultValue={values?.[`${sev}.overdueDays`] ?? policy.overdueDays[sev]} aria-invalid={Boolean(errors[`${sev}.overdueDays`])} className={`${inputClass} w-20`} />
                    {errors[`${sev}.overdueDays`] && <p className="mt-1 text-xs text-red-700 dark:text-red-400">{errors[`${sev}.overdueDays`]?.join(" ")}</p>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <label className="flex items-start gap-2 text-sm">
          <input name="factsCountAsChange" type="checkbox" defaultChecked={checked("factsCountAsChange", policy.factsCountAsChange)} className="mt-0.5 size-4 accent-brand-600" />
          <span>
            Changes to the incident&apos;s facts count as changes to the postmortem
            <span className="block text-xs text-zinc-600 dark:text-zinc-400">Editing its timeline, tasks, times or impact after approval makes approvals stale, since live blocks show them.</span>
          </span>
        </label>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">The author never counts as an approver. A new policy applies at once to postmortems under review: they are approved or sent back to review accordingly.</p>
      </fieldset>
      {state.status === "error" && !state.error.fields && <Alert tone="error">{state.error.message}</Alert>}
      {state.status === "error" && state.error.fields && <Alert tone="error">Please correct the highlighted fields.</Alert>}
      {state.status === "ok" && <Alert tone="success">{state.message}</Alert>}
      {editable ? <SubmitButton pendingLabel="Saving…">Save policy</SubmitButton> : <p className="text-sm text-zinc-600 dark:text-zinc-400">Only owners and admins can change the policy.</p>}
    </form>
  );
}
