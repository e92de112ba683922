import { Moment } from "@/components/time/moment";
import { cx } from "@/components/ui/cx";
import type { ReviewState } from "@/lib/reviews/queries";

/** Who decided what on which version, when — every decision kept; stale approvals marked, not removed. */
export function SignOffRecord({ record, timeZone }: { record: ReviewState["record"]; timeZone: string }) {
  if (record.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No decisions yet.</p>;
  return (
    <ol className="space-y-2 text-sm" aria-label="Sign-off record">
      {record.map((r) => (
        <li key={r.id} className="flex flex-wrap items-baseline justify-between gap-x-3">
          <span>
            <span className="font-medium">{r.reviewerName}</span>{" "}
            <span className={cx(r.decision === "APPROVED" ? "text-emerald-700 dark:text-emerald-300" : "text-amber-700 dark:text-amber-300")}>
              {r.decision === "APPROVED" ? "approved" : "requested changes to"}
            </span>{" "}
            version {r.contentVersion}
            {r.stale && <span className="ml-1 rounded bg-zinc-100 px-1.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">stale: changed since</span>}
            {r.comment && <span className="block text-zinc-600 dark:text-zinc-400">“{r.comment}”</span>}
          </span>
          <span className="text-xs text-zinc-600 dark:text-zinc-400">
            <Moment date={r.createdAt} timeZone={timeZone} withDate /> · <span className="font-mono" title={r.contentHash}>{r.contentHash.slice(0, 10)}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
