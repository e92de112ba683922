"use client";

import { useActionState, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { LimitCounter } from "@/components/ui/limit-counter";
import { REVIEW_COMMENT_MAX } from "@/lib/reviews/schema";
import { inputClass } from "@/components/ui/field";
import { idle } from "@/lib/action-state";
import { approveAction, requestChangesAction, requestReviewAction, withdrawReviewAction } from "@/lib/reviews/actions";

type Ids = { teamId: string; postmortemId: string };
type Round = { result: Awaited<ReturnType<typeof requestReviewAction>>; picked: string[] };

function Hidden({ teamId, postmortemId }: Ids) {
  return (
    <>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="postmortemId" value={postmortemId} />
    </>
  );
}

export function RequestReviewForm({
  ids,
  candidates,
  requested,
  inReview,
  needed,
  warning,
}: {
  ids: Ids;
  candidates: { id: string; name: string }[];
  requested: string[];
  inReview: boolean;
  /** Approvals the policy needs for this severity. */
  needed: number;
  /** Shown before sending when the team cannot meet the policy as it is. */
  warning: ReactNode;
}) {
  // The ticked boxes travel with the result (values echoed back keep one string per field), so a refused request keeps them all.
  const [round, action] = useActionState(
    async (previous: Round, form: FormData): Promise<Round> => ({ result: await requestReviewAction(previous.result, form), picked: form.getAll("reviewerIds").map(String) }),
    { result: idle, picked: [] },
  );
  const state = round.result;
  const kept = state.status === "error" ? round.picked : [];
  const error = state.status === "error" ? (state.error.fields?.reviewerIds?.join(" ") ?? state.error.message) : null;
  const [ticked, setTicked] = useState<number | null>(null);
  const asking = ticked ?? requested.length;
  return (
    <form
      action={action}
      className="space-y-3"
      onChange={(e) => setTicked(new FormData(e.currentTarget).getAll("reviewerIds").length + requested.length)}
    >
      <Hidden {...ids} />
      <fieldset>
        <legend className="text-sm font-medium">{inReview ? "Add reviewers" : "Ask for review from"}</legend>
        {candidates.length === 0 ? (
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Invite teammates first: nobody else in the team can review.</p>
        ) : (
          <ul className="mt-2 grid gap-1 sm:grid-cols-2">
            {candidates.map((c) => (
              <li key={c.id}>
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    name="reviewerIds"
                    value={c.id}
                    defaultChecked={requested.includes(c.id) || kept.includes(c.id)}
                    disabled={requested.includes(c.id)}
                    className="size-4 accent-brand-600"
                  />
                  {c.name}
                  {requested.includes(c.id) && <span className="text-xs text-zinc-600 dark:text-zinc-400">(asked)</span>}
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      {warning}
      {!warning && asking > 0 && asking < needed && (
        <p className="text-sm text-amber-800 dark:text-amber-200">
          The policy needs {needed} approvals; you are asking {asking} {asking === 1 ? "person" : "people"}.
        </p>
      )}
      {error && <Alert tone="error">{error}</Alert>}
      {state.status === "ok" && <Alert tone="success">{state.message}</Alert>}
      <SubmitButton pendingLabel="Sending…">{inReview ? "Add reviewers" : requested.length > 0 ? "Send for review again" : "Request review"}</SubmitButton>
    </form>
  );
}

export function DecisionForms({ ids, contentVersion, factsVersion, approvedVersion }: { ids: Ids; contentVersion: number; factsVersion: number; approvedVersion: number | null }) {
  const [approveState, approveFormAction] = useActionState(approveAction, idle);
  const [changesState, changesFormAction] = useActionState(requestChangesAction, idle);
  return (
    <div className="grid gap-5">
      {approvedVersion !== null ? (
        <div className="space-y-2">
          {approveState.status === "ok" && <Alert tone="success">{approveState.message}</Alert>}
          <p className="flex items-center gap-2 text-sm font-medium text-emerald-800 dark:text-emerald-200">
            <span aria-hidden="true">✓</span> You approved version {approvedVersion}
          </p>
        </div>
      ) : (
        <form action={approveFormAction} className="space-y-2">
          <Hidden {...ids} />
          <input type="hidden" name="contentVersion" value={contentVersion} />
          <input type="hidden" name="factsVersion" value={factsVersion} />
          <label className="block text-sm font-medium" htmlFor="approve-comment">Approve version {contentVersion}</label>
          <LimitCounter targetId="approve-comment" max={REVIEW_COMMENT_MAX} />
          <textarea id="approve-comment" name="comment" rows={2} placeholder="Optional note" className={inputClass} defaultValue={approveState.status === "error" ? approveState.values.comment : ""} />
          {approveState.status === "error" && <Alert tone="error">{approveState.error.message}</Alert>}
          {approveState.status === "ok" && <Alert tone="success">{approveState.message}</Alert>}
          <SubmitButton pendingLabel="Approving…">Approve</SubmitButton>
        </form>
      )}
      <form action={changesFormAction} className="space-y-2">
        <Hidden {...ids} />
        <input type="hidden" name="contentVersion" value={contentVersion} />
        <input type="hidden" name="factsVersion" value={factsVersion} />
        <label className="block text-sm font-medium" htmlFor="changes-comment">Request changes</label>
        <LimitCounter targetId="changes-comment" max={REVIEW_COMMENT_MAX} />
        <textarea
          id="changes-comment"
          name="comment"
          rows={2}
          required
          placeholder="What needs to change?"
          aria-invalid={Boolean(changesState.status === "error" && changesState.error.fields?.comment)}
          className={inputClass}
          defaultValue={changesState.status === "error" ? changesState.values.comment : ""}
        />
        {changesState.status === "error" && <Alert tone="error">{changesState.error.fields?.comment?.join(" ") ?? changesState.error.message}</Alert>}
        {changesState.status === "ok" && <Alert tone="success">{changesState.message}</Alert>}
        <SubmitButton variant="secondary" pendingLabel="Sending…">Request changes</SubmitButton>
      </form>
    </div>
  );
}

export function WithdrawForm({ ids }: { ids: Ids }) {
  const [state, action] = useActionState(withdrawReviewAction, idle);
  return (
    <form action={action}>
      <Hidden {...ids} />
      <SubmitButton variant="ghost" size="sm" pendingLabel="…">Take back to draft</SubmitButton>
      {state.status === "error" && <Alert tone="error">{state.error.message}</Alert>}
    </form>
  );
}
