import { Card, CardHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/insights/data-table";
import { CSV_LABEL, type Table } from "@/lib/insights/tables";

/** A chart with its table view (a disclosure, open in print) and CSV downloads of the same numbers. */
export function Panel({ title, description, tables, csvHref, children }: { title: string; description?: React.ReactNode; tables: Table[]; csvHref: (id: string) => string; children: React.ReactNode }) {
  return (
    <Card className="insights-panel">
        <CardHeader
          title={title}
          description={description}
          actions={
            <div className="flex flex-wrap gap-2 print:hidden">
              {tables.map((t) => (
                <a key={t.id} href={csvHref(t.id)} download className={buttonClass("secondary", "sm")} aria-label={`Download CSV: ${t.title}`}>
                  CSV{tables.length > 1 ? `: ${CSV_LABEL[t.id]}` : ""}
                </a>
              ))}
            </div>
          }
        />
        <div className="space-y-4 px-5 py-4">
          {children}
          {tables.map((t) => (
            <details key={t.id} className="group">
              <summary className="cursor-pointer text-sm font-medium text-brand-700 hover:underline dark:text-brand-100">Table view: {t.title}</summary>
              <div className="mt-2">
                <DataTable table={t} />
              </div>
            </details>
          ))}
        </div>
    </Card>
  );
}
