"use client";

import Link from "next/link";
import { SeverityBadge, StatusBadge } from "@/components/incidents/badges";
import { Moment } from "@/components/time/moment";
import { formatIncidentNumber } from "@/lib/incidents/labels";
import type { IncidentListRow } from "@/lib/incidents/queries";

/** One row's data; `duration` is formatted on the server so the page's "now" is the same when it hydrates. */
export type IncidentRow = Pick<IncidentListRow, "id" | "number" | "title" | "status" | "severity" | "timeZone" | "startedAt" | "commanderName" | "services"> & {
  duration: string;
};

/**
 * The rows as one client component: the server sends their data, not their markup, so each row is
 * rendered once to HTML instead of also being serialized into and parsed back from the RSC payload.
 */
export function IncidentRows({ base, rows }: { base: string; rows: IncidentRow[] }) {
  return (
    <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Incidents">
      {rows.map((incident) => (
        <li key={incident.id}>
          <Link href={`${base}/${incident.number}`} className="flex flex-col gap-1.5 px-4 py-3 hover:bg-zinc-50 focus-visible:bg-zinc-50 sm:flex-row sm:items-center sm:gap-4 dark:hover:bg-zinc-800/50 dark:focus-visible:bg-zinc-800/50">
            <div className="flex items-center gap-2 sm:w-40 sm:shrink-0">
              <span className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{formatIncidentNumber(incident.number)}</span>
              <SeverityBadge severity={incident.severity} />
            </div>
            <div className="min-w-0 flex-1">
              <p className="truncate font-medium">{incident.title}</p>
              <p className="truncate text-xs text-zinc-600 dark:text-zinc-400">
                {incident.services.length ? incident.services.join(", ") : "No services"}
                {incident.commanderName && ` · IC ${incident.commanderName}`}
              </p>
            </div>
            <div className="flex flex-wrap items-center gap-3 text-xs text-zinc-600 sm:justify-end dark:text-zinc-400">
              <StatusBadge status={incident.status} />
              <span>{incident.duration}</span>
              <Moment date={incident.startedAt} timeZone={incident.timeZone} withDate />
            </div>
          </Link>
        </li>
      ))}
    </ul>
  );
}
