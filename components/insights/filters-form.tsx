import Link from "next/link";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { ChipGroup } from "@/components/ui/chip-group";
import { SEVERITIES, STATUSES } from "@/lib/incidents/fields";
import { STATUS_LABEL } from "@/lib/incidents/labels";
import type { InsightsFilters, Period } from "@/lib/insights/schema";

const label = "mb-1 block text-xs font-medium text-zinc-600 dark:text-zinc-400";

/** A GET form: the filters live in the URL, so a view can be bookmarked and shared. */
export function InsightsFiltersForm({ action, filters, period, services }: { action: string; filters: InsightsFilters; period: Period; services: string[] }) {
  return (
    <form method="get" action={action} role="search" aria-label="Insights filters" className="mb-6 space-y-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-zinc-200 print:hidden dark:bg-zinc-900 dark:ring-zinc-800">
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="ins-period" className={label}>Period</label>
          <select id="ins-period" name="period" defaultValue={filters.period} className={`${inputClass} w-40`}>
            <option value="30">Last 30 days</option>
            <option value="90">Last 90 days</option>
            <option value="365">Last 365 days</option>
            <option value="custom">Custom range</option>
          </select>
        </div>
        <div>
          <label htmlFor="ins-from" className={label}>From (custom)</label>
          <input id="ins-from" type="date" name="from" defaultValue={filters.period === "custom" ? period.fromDay : ""} className={`${inputClass} w-40`} />
        </div>
        <div>
          <label htmlFor="ins-to" className={label}>To (custom)</label>
          <input id="ins-to" type="date" name="to" defaultValue={filters.period === "custom" ? period.toDay : ""} className={`${inputClass} w-40`} />
        </div>
        <div>
          <label htmlFor="ins-service" className={label}>Service</label>
          <select id="ins-service" name="service" defaultValue={filters.service ?? ""} className={`${inputClass} w-44`}>
            <option value="">All services</option>
            {services.map((s) => (
              <option key={s} value={s}>{s}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="ins-volume" className={label}>Volume per</label>
          <select id="ins-volume" name="volume" defaultValue={filters.volume} className={`${inputClass} w-32`}>
            <option value="week">Week</option>
            <option value="month">Month</option>
          </select>
        </div>
        <div>
          <label htmlFor="ins-trend" className={label}>Trend per</label>
          <select id="ins-trend" name="trend" defaultValue={filters.trend} className={`${inputClass} w-32`}>
            <option value="month">Month</option>
            <option value="quarter">Quarter</option>
          </select>
        </div>
      </div>
      <div className="flex flex-wrap items-end gap-4">
        <ChipGroup legend="Severity" name="severity" options={SEVERITIES.map((s) => ({ value: s, label: s }))} selected={filters.severity} />
        <ChipGroup legend="Status" name="status" options={STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))} selected={filters.status} />
        <Button type="submit">Apply</Button>
        <Link href={action} className="px-2 py-2 text-sm text-zinc-600 hover:underline dark:text-zinc-400">Clear</Link>
      </div>
    </form>
  );
}
