"use client";

import { useActionState } from "react";
import type { IncidentStatus } from "@/lib/generated/prisma/enums";
import { idle } from "@/lib/action-state";
import { updateIncidentAction } from "@/lib/incidents/actions";
import { STATUS_LABEL } from "@/lib/incidents/labels";
import { STATUSES } from "@/lib/incidents/fields";
import { cx } from "@/components/ui/cx";

/** One click moves the status along (or back, if it regressed); the timeline records it. */
export function StatusControl({ teamId, incidentId, version, status }: { teamId: string; incidentId: string; version: number; status: IncidentStatus }) {
  const [state, action, pending] = useActionState(updateIncidentAction, idle);
  return (
    <form action={action}>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="incidentId" value={incidentId} />
      <input type="hidden" name="version" value={version} />
      <fieldset disabled={pending}>
        <legend className="sr-only">Status</legend>
        <div className="inline-flex flex-wrap rounded-lg bg-zinc-100 p-1 dark:bg-zinc-800">
          {STATUSES.map((s) => (
            <button
              key={s}
              type="submit"
              name="status"
              value={s}
              aria-pressed={s === status}
              className={cx(
                "rounded-md px-3 py-1.5 text-sm",
                s === status ? "bg-white font-semibold shadow-sm dark:bg-zinc-950" : "text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100",
              )}
            >
              {STATUS_LABEL[s]}
            </button>
          ))}
        </div>
      </fieldset>
      {state.status === "error" && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
          {state.error.message}
        </p>
      )}
    </form>
  );
}
