import { formatDuration } from "@/lib/incidents/durations";
import { METRIC_LABEL } from "@/lib/insights/tables";
import { METRICS } from "@/lib/insights/schema";
import type { StatRow } from "@/lib/insights/response-times";

/** Median, p90 and n per measure at a glance; the incidents without the moment are named, not hidden. */
export function StatTiles({ rows }: { rows: StatRow[] }) {
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      {METRICS.map((metric) => {
        const row = rows.find((r) => r.metric === metric);
        return (
          <div key={metric} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800" data-metric={metric}>
            <dt className="text-xs font-medium text-zinc-600 dark:text-zinc-400">{METRIC_LABEL[metric]}</dt>
            <dd className="mt-1">
              <span className="text-xl font-semibold tabular-nums">{row?.p50 != null ? formatDuration(row.p50 * 1000) : "—"}</span>
              <span className="ml-1 text-xs text-zinc-600 dark:text-zinc-400">median</span>
            </dd>
            <dd className="text-xs text-zinc-600 dark:text-zinc-400">
              p90 {row?.p90 != null ? formatDuration(row.p90 * 1000) : "—"} · n {row?.n ?? 0}
              {(row?.missing ?? 0) > 0 && ` · ${row!.missing} without`}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
