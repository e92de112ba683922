import { ActionButton } from "@/components/outbound/action-button";
import { redeliverAction } from "@/lib/outbound/actions";
import type { DeliveryRow } from "@/lib/outbound/queries";
import { formatDateTime } from "@/lib/time/format";
import { cx } from "@/components/ui/cx";

const STATUS_STYLE = {
  DELIVERED: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  PENDING: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  FAILED: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
} as const;

function statusText(row: DeliveryRow, timeZone: string): string {
  if (row.status === "DELIVERED") return "Delivered";
  if (row.status === "FAILED") return "Failed";
  return row.attempts === 0 ? "Queued" : `Retrying ${formatDateTime(row.nextAttemptAt, timeZone)}`;
}

/** The delivery log: what was sent, how the receiver answered, and a way to send a failed one again. */
export function DeliveryLog({ rows, teamId, timeZone, showTarget = false, empty }: { rows: DeliveryRow[]; teamId: string; timeZone: string; showTarget?: boolean; empty: string }) {
  if (rows.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{empty}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-zinc-600 dark:text-zinc-400">
          <tr>
            <th scope="col" className="py-1.5 pr-3 font-medium">Event</th>
            {showTarget && <th scope="col" className="py-1.5 pr-3 font-medium">Sent to</th>}
            <th scope="col" className="py-1.5 pr-3 font-medium">Status</th>
            <th scope="col" className="py-1.5 pr-3 font-medium">Answer</th>
            <th scope="col" className="py-1.5 pr-3 font-medium">Attempts</th>
            <th scope="col" className="py-1.5 font-medium"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {rows.map((row) => (
            <tr key={row.id} className="align-top">
              <td className="py-2 pr-3">
                <div className="font-mono text-xs">{row.type}</div>
                <div className="text-xs text-zinc-600 dark:text-zinc-400">{formatDateTime(row.createdAt, timeZone)}</div>
              </td>
              {showTarget && <td className="py-2 pr-3 text-xs break-all">{row.webhookEndpoint ? (row.webhookEndpoint.description || row.webhookEndpoint.url) : row.chatDestination?.name}</td>}
              <td className="py-2 pr-3">
                <span className={cx("inline-block rounded px-1.5 py-0.5 text-xs font-medium", STATUS_STYLE[row.status])}>{statusText(row, timeZone)}</span>
              </td>
              <td className="max-w-72 py-2 pr-3 text-xs">
                {row.lastStatusCode !== null && <span className="font-mono">HTTP {row.lastStatusCode}</span>}
                {row.lastLatencyMs !== null && <span className="text-zinc-600 dark:text-zinc-400"> · {row.lastLatencyMs} ms</span>}
                {row.lastError && <div className="text-red-700 dark:text-red-400">{row.lastError}</div>}
                {row.lastResponse && (
                  <details>
                    <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">Response</summary>
                    <pre className="mt-1 max-h-40 overflow-auto rounded bg-zinc-100 p-2 whitespace-pre-wrap dark:bg-zinc-900">{row.lastResponse}</pre>
                  </details>
                )}
              </td>
              <td className="py-2 pr-3 text-xs">{row.attempts}</td>
              <td className="py-2">{row.status === "FAILED" && <ActionButton action={redeliverAction} fields={{ teamId, deliveryId: row.id }} label="Redeliver" pendingLabel="Queuing…" variant="ghost" />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
