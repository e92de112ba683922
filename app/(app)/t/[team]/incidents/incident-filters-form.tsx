"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { ChipGroup } from "@/components/ui/chip-group";
import { inputClass } from "@/components/ui/field";
import type { IncidentFilters } from "@/lib/incidents/schema";

type Option = { value: string; label: string };

type Props = {
  action: string;
  filters: Omit<IncidentFilters, "after">;
  statuses: Option[];
  severities: Option[];
  services: string[];
  commanders: { id: string; name: string }[];
};

/**
 * A plain GET form: the filters live in the URL, so a filtered view can be shared or bookmarked.
 * A client component only so the server sends its few props rather than its markup (RSC payload).
 */
export function IncidentFiltersForm({ action, filters, statuses, severities, services, commanders }: Props) {
  return (
    <form action={action} method="get" role="search" className="mb-6 space-y-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
      <div className="flex flex-col gap-2 sm:flex-row">
        <label htmlFor="incident-search" className="sr-only">
          Search incidents
        </label>
        <input id="incident-search" name="q" type="search" defaultValue={filters.q} placeholder="Search titles, write-ups, timelines and postmortems…" className={inputClass} />
        <div className="flex gap-2">
          <label htmlFor="incident-sort" className="sr-only">
            Sort
          </label>
          <select id="incident-sort" name="sort" defaultValue={filters.sort} className={`${inputClass} sm:w-44`}>
            <option value="started">Newest start</option>
            <option value="updated">Last update</option>
          </select>
          <Button type="submit">Apply</Button>
        </div>
      </div>
      <details className="group" open={Boolean(filters.status.length || filters.severity.length || filters.service || filters.commander || filters.from || filters.to)}>
        <summary className="cursor-pointer text-sm text-zinc-600 select-none dark:text-zinc-400">More filters</summary>
        <div className="mt-3 grid gap-4 md:grid-cols-2 lg:grid-cols-4">
          <ChipGroup legend="Status" name="status" options={statuses} selected={filters.status} />
          <ChipGroup legend="Severity" name="severity" options={severities} selected={filters.severity} />
          <div className="grid grid-cols-2 gap-2">
            <div>
              <label htmlFor="filter-service" className="mb-1.5 block text-xs font-medium text-zinc-600 dark:text-zinc-400">Service</label>
              <select id="filter-service" name="service" defaultValue={filters.service ?? ""} className={inputClass}>
                <option value="">Any</option>
                {services.map((s) => (
                  <option key={s} value={s}>{s}</option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="filter-commander" className="mb-1.5 block text-xs font-medium text-zinc-600 dark:text-zinc-400">Commander</label>
              <select id="filter-commander" name="commander" defaultValue={filters.commander ?? ""} className={inputClass}>
                <option value="">Anyone</option>
                {commanders.map((c) => (
                  <option key={c.id} value={c.id}>{c.name}</option>
                ))}
              </select>
            </div>
          </div>
          <div className="grid grid-cols-2 gap-2">
            <div>
              <label htmlFor="filter-from" className="mb-1.5 block text-xs font-medium text-zinc-600 dark:text-zinc-400">Started from</label>
              <input id="filter-from" type="date" name="from" defaultValue={filters.from} className={inputClass} />
            </div>
            <div>
              <label htmlFor="filter-to" className="mb-1.5 block text-xs font-medium text-zinc-600 dark:text-zinc-400">to</label>
              <input id="filter-to" type="date" name="to" defaultValue={filters.to} className={inputClass} />
            </div>
          </div>
        </div>
        <div className="mt-3">
          <Link href={action} className="text-sm text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-400">
            Clear all filters
          </Link>
        </div>
      </details>
    </form>
  );
}
