import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { can } from "@/lib/authz";
import { requireTeamContext } from "@/lib/teams/actor";
import { listIncidentsWithOptions, type IncidentListRow } from "@/lib/incidents/queries";
import { incidentFiltersSchema } from "@/lib/incidents/schema";
import { SEVERITIES, STATUSES } from "@/lib/incidents/fields";
import { STATUS_LABEL } from "@/lib/incidents/labels";
import { formatDuration, incidentDurations } from "@/lib/incidents/durations";
import { normalizeSearchParams, toQueryString, type RawSearchParams } from "@/lib/search-params";
import { IncidentFiltersForm } from "./incident-filters-form";
import { IncidentRows, type IncidentRow } from "./incident-rows";
import { AlertsLive } from "@/components/alerts/alerts-live";
import { liveSince } from "@/lib/alerts/live";

export const metadata: Metadata = { title: "Incidents" };

const STATUS_OPTIONS = STATUSES.map((value) => ({ value, label: STATUS_LABEL[value] }));
const SEVERITY_OPTIONS = SEVERITIES.map((value) => ({ value, label: value }));

function toRow({ id, number, title, status, severity, timeZone, startedAt, resolvedAt, commanderName, services }: IncidentListRow): IncidentRow {
  const durations = incidentDurations({ startedAt, resolvedAt, detectedAt: null, acknowledgedAt: null, mitigatedAt: null });
  const duration = durations.ongoing ? `${formatDuration(durations.total)} so far` : formatDuration(durations.total);
  return { id, number, title, status, severity, timeZone, startedAt, commanderName, services, duration };
}

export default async function IncidentsPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<RawSearchParams> }) {
  const { team, actor } = await requireTeamContext((await params).team);
  const filters = incidentFiltersSchema.parse(normalizeSearchParams(await searchParams, ["status", "severity"]));
  const { page, options } = await listIncidentsWithOptions(actor, team.id, filters, team.timeZone);
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
        statuses={STATUS_OPTIONS}
        severities={SEVERITY_OPTIONS}
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
          <IncidentRows base={base} rows={page.items.map(toRow)} />
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
