import { formatCell, type Table } from "@/lib/insights/tables";
import { cx } from "@/components/ui/cx";

/** The accessible table view of a chart: the same numbers as its CSV. */
export function DataTable({ table }: { table: Table }) {
  if (table.rows.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No rows for this period and these filters.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-table={table.id}>
        <caption className="sr-only">{table.title}</caption>
        <thead>
          <tr className="border-b border-zinc-200 dark:border-zinc-700">
            {table.columns.map((c) => (
              <th key={c.key} scope="col" className={cx("px-2 py-1.5 font-medium whitespace-nowrap text-zinc-600 dark:text-zinc-400", c.kind !== "text" && "text-right")}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, k) => (
            <tr key={k} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
              {table.columns.map((c, i) =>
                i === 0 ? (
                  <th key={c.key} scope="row" className="px-2 py-1.5 font-normal whitespace-nowrap">{formatCell(row[c.key] ?? null, c.kind)}</th>
                ) : (
                  <td key={c.key} className={cx("px-2 py-1.5 tabular-nums", c.kind !== "text" && "text-right whitespace-nowrap")}>{formatCell(row[c.key] ?? null, c.kind)}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
