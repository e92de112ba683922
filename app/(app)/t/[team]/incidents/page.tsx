import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { SeverityBadge, StatusBadge } from "@/components/incidents/badges";
import { Moment } from "@/components/time/moment";
import { can } from "@/lib/authz";
import { requireTeamContext } from "@/lib/teams/actor";
import { incidentFilterOptions, listIncidents } from "@/lib/incidents/queries";
import { incidentFiltersSchema } from "@/lib/incidents/schema";
import { formatDuration, incidentDurations } from "@/lib/incidents/durations";
import { formatIncidentNumber } from "@/lib/incidents/labels";
import { normalizeSearchParams, toQueryString, type RawSearchParams } from "@/lib/search-params";
import { IncidentFiltersForm } from "./incident-filters-form";
import { AlertsLive } from "@/components/alerts/alerts-live";
import { liveSince } from "@/lib/alerts/live";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<RawSearchParams> }) {
  const { team, actor } = await requireTeamContext((await params).team);
  const filters = incidentFiltersSchema.parse(normalizeSearchParams(await searchParams, ["status", "severity"]));
  const [page, options] = await Promise.all([listIncidents(actor, team.id, filters, team.timeZone), incidentFilterOptions(actor, team.id)]);
  const filtered = Boolean(filters.q || filters.status.length || filters.severity.length || filters.service || filters.commander || filters.from || filters.to);
  const base = `/t/${team.slug}/incidents`;
  const { after: _after, ...current } = filters;
  const canDeclare = can(actor, "incident.create", { teamId: team.id });
  return (
    <>
      <PageHeader
        title="Incidents"
        description={`Everything ${team.name} has declared. Times in ${team.timeZone} unless an incident says otherwise.`}
        actions={
          <>
            {/* Incidents declared by alerts arrive on the alerts channel. */}
            <AlertsLive url={`/t/${team.slug}/alerts/live`} since={liveSince()} />
            {canDeclare && (
              <Link href={`${base}/new`} className={buttonClass("primary")} aria-keyshortcuts="d">
                Declare incident
              </Link>
            )}
          </>
        }
      />
      <IncidentFiltersForm
        action={base}
        filters={current}
        services={options.services}
        commanders={options.commanders}
      />
      {page.items.length === 0 ? (
        filtered ? (
          <EmptyState title="No incidents match these filters" action={<Link className={buttonClass("secondary")} href={base}>Clear filters</Link>}>
            Try fewer filters, another spelling, or a wider date range.
          </EmptyState>
        ) : (
          <EmptyState title="No incidents yet" action={canDeclare && <Link className={buttonClass("primary")} href={`${base}/new`}>Declare your first incident</Link>}>
            When something breaks, declare an incident — a title is enough — and build its timeline as you work. Press D anywhere to start.
          </EmptyState>
        )
      ) : (
        <div className="overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Incidents">
            {page.items.map((incident) => {
              const durations = incidentDurations({ startedAt: incident.startedAt, resolvedAt: incident.resolvedAt, detectedAt: null, acknowledgedAt: null, mitigatedAt: null });
              return (
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
                      <span>{durations.ongoing ? `${formatDuration(durations.total)} so far` : formatDuration(durations.total)}</span>
                      <Moment date={incident.startedAt} timeZone={incident.timeZone} withDate />
                    </div>
                  </Link>
                </li>
              );
            })}
          </ul>
          {(filters.after || page.nextCursor) && (
            <nav aria-label="Pages" className="flex justify-between border-t border-zinc-200 px-4 py-3 dark:border-zinc-800">
              {filters.after ? <Link className={buttonClass("secondary", "sm")} href={`${base}${toQueryString(current)}`}>First page</Link> : <span />}
              {page.nextCursor && (
                <Link className={buttonClass("secondary", "sm")} href={`${base}${toQueryString({ ...current, after: page.nextCursor })}`}>
                  Next page
                </Link>
              )}
            </nav>
          )}
        </div>
      )}
    </>
  );
}
