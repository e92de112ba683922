import Link from "next/link";
import { Temporal } from "temporal-polyfill";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { InsightsBarChart } from "@/components/insights/bar-chart";
import { InsightsTrendChart } from "@/components/insights/trend-chart";
import { Panel } from "@/components/insights/panel";
import { StatTiles } from "@/components/insights/stat-tiles";
import { RepeatList } from "@/components/insights/repeat-list";
import { PrintOpensTables } from "@/components/insights/print-opens-tables";
import { chartLinks, histogramPoints, METRIC_SERIES, serviceVolume, SEVERITY_SERIES, trendPoints, volumePoints } from "@/components/insights/chart-data";
import { toQueryString } from "@/lib/search-params";
import { formatDuration } from "@/lib/incidents/durations";
import { insightsTables, ORIGIN_LABEL, type TableId } from "@/lib/insights/tables";
import type { Insights } from "@/lib/insights/queries";
import type { ChartPoint } from "@/components/insights/chart-types";

const day = (d: string) => Temporal.PlainDate.from(d).toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric" });
const pct = (part: number, whole: number) => (whole === 0 ? "—" : `${Math.round((part / whole) * 100)}%`);

/** The Insights page body, for one team or across the user's teams. `base` is the page's path (CSV routes live under it). */
export function InsightsView({ data, base, declareHref }: { data: Insights; base: string; declareHref?: string }) {
  const { filters, period, timeZone } = data.scope;
  const names = new Map(data.teams.map((t) => [t.id, t.name]));
  const tables = new Map(insightsTables(data, (id) => names.get(id) ?? "").map((t) => [t.id, t]));
  const pick = (...ids: TableId[]) => ids.map((id) => tables.get(id)!);
  const query = toQueryString({ ...filters, from: filters.period === "custom" ? period.fromDay : undefined, to: filters.period === "custom" ? period.toDay : undefined });
  const csvHref = (id: string) => `${base}/csv/${id}${query}`;
  const slugOf = new Map(data.teams.map((t) => [t.id, t.slug]));
  const ft = data.followThrough;
  const pm = data.postmortems;
  const { incident } = chartLinks(data);

  const heading = (
    <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
      {day(period.fromDay)} – {day(period.toDay)} · {data.volume.total} incident{data.volume.total === 1 ? "" : "s"} · counted in {timeZone}, weeks start on Monday
      {data.teams.length > 1 && ` · ${data.teams.length} teams`}
    </p>
  );

  if (data.volume.total === 0) {
    return (
      <>
        {heading}
        <EmptyState
          title="No incidents in this period"
          action={
            <div className="flex flex-wrap justify-center gap-2">
              {filters.period !== "365" && <Link href={`${base}?period=365`} className={buttonClass("secondary")}>Look at the last 365 days</Link>}
              {declareHref && <Link href={declareHref} className={buttonClass("primary")}>Declare an incident</Link>}
            </div>
          }
        >
          Insights counts incidents that started in the period. Declare incidents as they happen and record when they were detected, acknowledged,
          mitigated and resolved; the response times, volume and follow-through appear here as soon as there is something to count.
          {(filters.severity.length > 0 || filters.status.length > 0 || filters.service) && " Or clear the filters."}
        </EmptyState>
      </>
    );
  }

  const followPoints: ChartPoint[] = pick("follow-through")[0]!.rows.map((r) => ({
    label: String(r.type),
    values: { onTime: Number(r.onTime), late: Number(r.late), notDone: Number(r.notDone), wontDo: Number(r.wontDo) },
    refs: {},
  }));
  const overduePoints: ChartPoint[] = ft.overdueByAge.map((r) => ({
    label: r.bucket,
    values: { n: r.n },
    refs: { n: r.refs.map((t) => ({ label: `INC-${t.number}`, title: t.title, href: `/t/${encodeURIComponent(slugOf.get(t.teamId) ?? "")}/tasks/${t.id}` })) },
    href: data.teams.length === 1 ? `/t/${encodeURIComponent(data.teams[0]!.slug)}/tasks?due=overdue` : undefined,
  }));
  const leadPoints: ChartPoint[] = pm.leadTimes.map((l) => ({
    label: l.stage,
    values: { p50: l.stat.p50, p90: l.stat.p90 },
    refs: { p50: l.stat.refs.map(incident), p90: l.stat.refs.map(incident) },
  }));
  const byService = serviceVolume(data);

  return (
    <>
      {heading}
      <PrintOpensTables />
      <div className="space-y-6">
        <StatTiles rows={data.responseTimes.overall} />

        <Panel
          title="Response times"
          description="Median and p90 from the start of each incident. Incidents without a moment are counted apart, never as zero."
          tables={pick("response-times", "response-trend", "response-distribution")}
          csvHref={csvHref}
        >
          <div className="grid gap-6 lg:grid-cols-2">
            <div className="min-w-0">
              <h3 className="mb-2 text-sm font-medium">Median by {filters.trend}</h3>
              <InsightsTrendChart label={`Median response times by ${filters.trend}`} series={METRIC_SERIES} points={trendPoints(data)} />
            </div>
            <div className="min-w-0">
              <h3 className="mb-2 text-sm font-medium">Distribution</h3>
              <InsightsBarChart label="Distribution of response times" series={METRIC_SERIES} points={histogramPoints(data)} />
            </div>
          </div>
        </Panel>

        <Panel
          title="Volume"
          description={
            <>
              Incidents per {filters.volume}.{" "}
              {data.volume.byOrigin.length > 0 &&
                (["ALERT", "MANUAL", "API"] as const)
                  .map((o) => `${ORIGIN_LABEL[o]}: ${pct(data.volume.byOrigin.find((r) => r.origin === o)?.n ?? 0, data.volume.total)}`)
                  .join(" · ")}
            </>
          }
          tables={pick("volume", "volume-by-service", "origin")}
          csvHref={csvHref}
        >
          <div className="grid gap-6 lg:grid-cols-2">
            <div className="min-w-0">
              <h3 className="mb-2 text-sm font-medium">By severity</h3>
              <InsightsBarChart label={`Incidents per ${filters.volume} by severity`} series={SEVERITY_SERIES} points={volumePoints(data)} stacked />
            </div>
            <div className="min-w-0">
              <h3 className="mb-2 text-sm font-medium">By service{byService.series.length === 6 ? " (the six busiest)" : ""}</h3>
              {byService.series.length === 0 ? (
                <p className="text-sm text-zinc-600 dark:text-zinc-400">No incident in this period names a service. Add services on the incident page to see which ones break.</p>
              ) : (
                <InsightsBarChart label={`Incidents per ${filters.volume} by service`} series={byService.series} points={byService.points} stacked />
              )}
            </div>
          </div>
        </Panel>

        <Panel
          title="Follow-through"
          description={`Tasks done: ${ft.verification.done} in the period, ${ft.verification.verified} verified after completion (${pct(ft.verification.verified, ft.verification.withCheck)} of those with a check).`}
          tables={pick("follow-through", "overdue", "open-tasks")}
          csvHref={csvHref}
        >
          <div className="grid gap-6 lg:grid-cols-2">
            <div className="min-w-0">
              <h3 className="mb-2 text-sm font-medium">Due in the period: done by the due date?</h3>
              <InsightsBarChart
                label="Corrective and preventive tasks due in the period"
                horizontal
                stacked
                height={160}
                series={[
                  { key: "onTime", label: "Done on time", color: "var(--chart-4)" },
                  { key: "late", label: "Done late", color: "var(--chart-sev3)" },
                  { key: "notDone", label: "Not done", color: "var(--chart-sev1)" },
                  { key: "wontDo", label: "Won't do", color: "var(--chart-6)" },
                ]}
                points={followPoints}
              />
            </div>
            <div className="min-w-0">
              <h3 className="mb-2 text-sm font-medium">Overdue now, by how late</h3>
              <InsightsBarChart label="Open tasks past their due date" series={[{ key: "n", label: "Overdue tasks", color: "var(--chart-sev2)" }]} points={overduePoints} height={200} />
            </div>
          </div>
        </Panel>

        <Panel
          title="Postmortems"
          description={`SEV1–2 incidents: ${pm.coverage.major} · with an approved postmortem ${pct(pm.coverage.approved, pm.coverage.major)} · published ${pct(pm.coverage.published, pm.coverage.major)}.`}
          tables={pick("postmortems")}
          csvHref={csvHref}
        >
          <div className="grid gap-6 lg:grid-cols-2">
            <div className="min-w-0">
              <h3 className="mb-2 text-sm font-medium">Lead time: median and p90</h3>
              {pm.leadTimes.every((l) => l.stat.n === 0) ? (
                <p className="text-sm text-zinc-600 dark:text-zinc-400">No postmortem of this period has been approved yet: lead times appear once one is.</p>
              ) : (
              <InsightsBarChart
                label="Postmortem lead times"
                format="duration"
                horizontal
                height={200}
                series={[
                  { key: "p50", label: "Median", color: "var(--chart-1)" },
                  { key: "p90", label: "p90", color: "var(--chart-3)" },
                ]}
                points={leadPoints}
              />
              )}
            </div>
            <div className="min-w-0">
              <h3 className="mb-2 text-sm font-medium">SEV1–2 incidents without an approved postmortem</h3>
              {pm.coverage.uncovered.length === 0 ? (
                <p className="text-sm text-zinc-600 dark:text-zinc-400">Every SEV1–2 incident of the period has an approved postmortem.</p>
              ) : (
                <ul className="space-y-1 text-sm">
                  {pm.coverage.uncovered.map(incident).map((r) => (
                    <li key={r.href}>
                      <Link href={r.href} className="text-brand-700 hover:underline dark:text-brand-100"><span className="font-mono">{r.label}</span> {r.title}</Link>
                    </li>
                  ))}
                </ul>
              )}
              {pm.leadTimes[0] && pm.leadTimes[0].stat.p50 !== null && (
                <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">Typically approved {formatDuration(pm.leadTimes[0].stat.p50 * 1000)} after the incident was resolved.</p>
              )}
            </div>
          </div>
        </Panel>

        <Panel title="What keeps breaking" description="Services with another incident within 90 days of the previous one, and the corrective tasks still open on them." tables={pick("repeats")} csvHref={csvHref}>
          <RepeatList repeats={data.repeats} slugOf={Object.fromEntries(slugOf)} names={Object.fromEntries(names)} />
        </Panel>
      </div>
    </>
  );
}
