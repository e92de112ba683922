"use client";

import { startTransition, useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { LimitCounter } from "@/components/ui/limit-counter";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";
import type { TaskStatus } from "@/lib/generated/prisma/enums";
import { changeTaskStatusAction, verifyTaskAction } from "@/lib/tasks/actions";
import { TASK_STATUS_LABEL } from "@/lib/tasks/labels";
import { TASK_REASON_MAX, TASK_STATUSES } from "@/lib/tasks/schema";

type Props = { teamId: string; taskId: string; version: number; status: TaskStatus; awaiting: boolean; canVerify: boolean; isOwner: boolean };

export function StatusForm({ teamId, taskId, version, status, awaiting, canVerify, isOwner }: Props) {
  const [state, action, pending] = useActionState(changeTaskStatusAction, idle);
  const [verifyState, verify] = useActionState(verifyTaskAction, idle);
  const [choice, setChoice] = useState<TaskStatus>(status);
  const needsReason = choice === "BLOCKED" || choice === "WONT_DO";
  const fields = state.status === "error" ? state.error.fields : undefined;
  return (
    <div className="space-y-4">
      {canVerify && (
        <form action={verify} className="space-y-2 rounded-lg bg-violet-50 p-3 dark:bg-violet-950/40">
          <input type="hidden" name="teamId" value={teamId} />
          <input type="hidden" name="taskId" value={taskId} />
          <input type="hidden" name="version" value={version} />
          <p className="text-sm">Checked that the fix works?</p>
          <SubmitButton size="sm" pendingLabel="Verifying…">Verify and close</SubmitButton>
          {verifyState.status === "error" && <Alert tone="error">{verifyState.error.message}</Alert>}
        </form>
      )}
      {awaiting && isOwner && <p className="text-sm text-violet-700 dark:text-violet-300">Waiting for a teammate to verify.</p>}
      {/* Submitted by hand: a form action would reset the radios and the reason after an error. */}
      <form
        className="space-y-3"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          startTransition(() => action(form));
        }}
      >
        <input type="hidden" name="teamId" value={teamId} />
        <input type="hidden" name="taskId" value={taskId} />
        <input type="hidden" name="version" value={version} />
        <fieldset>
          <legend className="mb-2 text-sm font-medium">Move to</legend>
          <div className="grid grid-cols-2 gap-1.5">
            {TASK_STATUSES.map((s) => (
              <label key={s} className="flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm ring-1 ring-zinc-200 has-[:checked]:bg-brand-50 has-[:checked]:ring-brand-500 dark:ring-zinc-700 dark:has-[:checked]:bg-brand-700/20">
                <input type="radio" name="status" value={s} checked={choice === s} onChange={() => setChoice(s)} className="accent-brand-600" />
                {TASK_STATUS_LABEL[s]}
              </label>
            ))}
          </div>
        </fieldset>
        {needsReason && (
          <div>
            <div className="mb-1 flex items-baseline justify-between gap-3">
              <label htmlFor="status-reason" className="block text-sm font-medium">{choice === "BLOCKED" ? "Blocked on" : "Why not"}</label>
              <LimitCounter targetId="status-reason" max={TASK_REASON_MAX} />
            </div>
            <textarea id="status-reason" name="reason" rows={2} className={inputClass} aria-invalid={Boolean(fields?.reason)} aria-describedby={fields?.reason ? "status-reason-error" : undefined} />
            {fields?.reason && <p id="status-reason-error" className="mt-1 text-sm text-red-700 dark:text-red-400">{fields.reason.join(" ")}</p>}
          </div>
        )}
        <div className="flex gap-2">
          <Button type="submit" size="sm" disabled={pending || (choice === status && !awaiting)}>
            {pending ? "Saving…" : "Update status"}
          </Button>
          {choice !== status && (
            <Button variant="ghost" size="sm" onClick={() => setChoice(status)}>
              Reset
            </Button>
          )}
        </div>
        {state.status === "error" && !fields && <Alert tone="error">{state.error.message}</Alert>}
        {state.status === "ok" && <Alert tone="success">{state.message}</Alert>}
      </form>
    </div>
  );
}
