import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Button, buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { Moment } from "@/components/time/moment";
import { ALERT_STATUS_LABEL, FORMAT_LABEL } from "@/components/alerts/labels";
import { can } from "@/lib/authz";
import { requireTeamContext } from "@/lib/teams/actor";
import { attachableIncidents, listAlerts, listAlertSources } from "@/lib/alerts/queries";
import { ALERT_STATUSES, alertFiltersSchema } from "@/lib/alerts/schema";
import { formatIncidentNumber } from "@/lib/incidents/labels";
import { normalizeSearchParams, toQueryString, type RawSearchParams } from "@/lib/search-params";
import { AlertsLive } from "@/components/alerts/alerts-live";
import { liveSince } from "@/lib/alerts/live";
import { TriageActions } from "./triage-actions";

export const metadata: Metadata = { title: "Alerts" };

const statusTone = {
  FIRING: "bg-red-50 text-red-800 ring-red-200 dark:bg-red-950/60 dark:text-red-200 dark:ring-red-900",
  ACKNOWLEDGED: "bg-amber-50 text-amber-900 ring-amber-200 dark:bg-amber-950/60 dark:text-amber-200 dark:ring-amber-900",
  RESOLVED: "bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950/60 dark:text-emerald-200 dark:ring-emerald-900",
} as const;

export default async function AlertsPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<RawSearchParams> }) {
  const { team, actor } = await requireTeamContext((await params).team);
  const filters = alertFiltersSchema.parse(normalizeSearchParams(await searchParams, []));
  const canTriage = can(actor, "incident.create", { teamId: team.id });
  const [page, sources, incidents] = await Promise.all([listAlerts(actor, team.id, filters), listAlertSources(actor, team.id), canTriage ? attachableIncidents(actor, team.id) : Promise.resolve([])]);
  const base = `/t/${team.slug}/alerts`;
  const { after: _after, ...current } = filters;
  const filtered = Boolean(filters.status || filters.source || filters.inbox);
  return (
    <>
      <PageHeader title="Alerts" description={`What ${team.name}'s monitoring sent, newest activity first. Times in ${team.timeZone}.`} actions={<AlertsLive url={`${base}/live`} since={liveSince()} />} />
      <form action={base} method="get" role="search" className="mb-6 flex flex-col gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-zinc-200 sm:flex-row sm:items-end dark:bg-zinc-900 dark:ring-zinc-800">
        <div className="space-y-1">
          <label htmlFor="alert-status" className="block text-sm font-medium">Status</label>
          <select id="alert-status" name="status" defaultValue={filters.status ?? ""} className={inputClass}>
            <option value="">Any status</option>
            {ALERT_STATUSES.map((s) => (
              <option key={s} value={s}>{ALERT_STATUS_LABEL[s]}</option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="alert-source" className="block text-sm font-medium">Source</label>
          <select id="alert-source" name="source" defaultValue={filters.source ?? ""} className={inputClass}>
            <option value="">Any source</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>{s.name}</option>
            ))}
          </select>
        </div>
        <label className="flex items-center gap-2 text-sm sm:pb-2">
          <input type="checkbox" name="inbox" value="1" defaultChecked={Boolean(filters.inbox)} className="size-4 rounded" />
          Triage inbox only (open, on no incident)
        </label>
        <Button type="submit">Apply</Button>
      </form>
      {page.items.length === 0 ? (
        filtered ? (
          <EmptyState title="No alerts match these filters" action={<Link className={buttonClass("secondary")} href={base}>Clear filters</Link>}>Try another status or source.</EmptyState>
        ) : (
          <EmptyState title="No alerts yet" action={can(actor, "alertSource.manage", { teamId: team.id }) && <Link className={buttonClass("primary")} href={`/t/${team.slug}/settings/alert-sources`}>Add an alert source</Link>}>
            Point Alertmanager, Grafana or a script at an alert source and its alerts appear here as they arrive.
          </EmptyState>
        )
      ) : (
        <ul className="divide-y divide-zinc-200 overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-zinc-200 dark:divide-zinc-800 dark:bg-zinc-900 dark:ring-zinc-800" aria-label="Alerts">
          {page.items.map((alert) => (
            <li key={alert.id} className="space-y-2 px-4 py-3" data-testid="alert-row">
              <div className="flex flex-col gap-1.5 sm:flex-row sm:items-center sm:gap-4">
                <span className={`inline-flex w-fit items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${statusTone[alert.status]}`}>{ALERT_STATUS_LABEL[alert.status]}</span>
                <div className="min-w-0 flex-1">
                  <p className="truncate font-medium">{alert.title}</p>
                  <p className="truncate text-xs text-zinc-600 dark:text-zinc-400">
                    {alert.sourceName} · {FORMAT_LABEL[alert.sourceFormat]}
                    {alert.severity && ` · ${alert.severity}`}
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-3 text-xs text-zinc-600 dark:text-zinc-400">
                  <span data-testid="alert-count">×{alert.count}</span>
                  <span>
                    First <Moment date={alert.firstSeenAt} timeZone={team.timeZone} withDate />
                  </span>
                  <span>
                    Last <Moment date={alert.lastSeenAt} timeZone={team.timeZone} withDate />
                  </span>
                  {alert.incidentNumber !== null ? (
                    <Link className="font-medium text-brand-700 hover:underline dark:text-brand-400" href={`/t/${team.slug}/incidents/${alert.incidentNumber}`}>
                      {formatIncidentNumber(alert.incidentNumber)}
                    </Link>
                  ) : (
                    <span>No incident</span>
                  )}
                </div>
              </div>
              <details>
                <summary className="cursor-pointer text-xs text-zinc-600 dark:text-zinc-400">
                  Started <Moment date={alert.startsAt} timeZone={team.timeZone} withDate />
                  {alert.endsAt && (
                    <>
                      {" "}· ended <Moment date={alert.endsAt} timeZone={team.timeZone} withDate />
                    </>
                  )}{" "}
                  · labels and payload
                </summary>
                <dl className="mt-2 flex flex-wrap gap-1.5 text-xs">
                  {Object.entries(alert.labels).map(([k, v]) => (
                    <div key={k} className="rounded bg-zinc-100 px-1.5 py-0.5 dark:bg-zinc-800">
                      <dt className="inline font-medium">{k}</dt>=<dd className="inline">{v}</dd>
                    </div>
                  ))}
                </dl>
                <pre className="mt-2 max-h-80 overflow-auto rounded bg-zinc-100 p-2 text-xs dark:bg-zinc-800">{alert.payload}</pre>
              </details>
              {canTriage && alert.incidentNumber === null && alert.status !== "RESOLVED" && <TriageActions teamId={team.id} alertId={alert.id} incidents={incidents} />}
            </li>
          ))}
        </ul>
      )}
      {page.nextCursor && (
        <div className="mt-4 flex justify-end">
          <Link className={buttonClass("secondary")} href={`${base}${toQueryString({ ...current, after: page.nextCursor })}`}>
            Older alerts
          </Link>
        </div>
      )}
    </>
  );
}
