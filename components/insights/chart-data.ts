import { Temporal } from "temporal-polyfill";
import { toQueryString } from "@/lib/search-params";
import { SEVERITIES } from "@/lib/incidents/fields";
import { bucketStarts, METRICS, type InsightsFilters } from "@/lib/insights/schema";
import { HISTOGRAM_EDGES } from "@/lib/insights/response-times";
import { binLabel, METRIC_LABEL } from "@/lib/insights/tables";
import type { Insights } from "@/lib/insights/queries";
import type { IncidentRef } from "@/lib/insights/scope";
import type { ChartPoint, ChartRef, ChartSeries } from "@/components/insights/chart-types";

/** Turns Insights into chart points with every link made on the server. */
export function chartLinks(data: Insights) {
  const slugOf = new Map(data.teams.map((t) => [t.id, t.slug]));
  const single = data.teams.length === 1 ? data.teams[0]! : null;
  const { filters, period } = data.scope;
  const incident = (r: IncidentRef): ChartRef => ({
    label: `${single ? "" : `${slugOf.get(r.teamId) ?? ""} `}INC-${r.number}`,
    title: r.title,
    href: `/t/${encodeURIComponent(slugOf.get(r.teamId) ?? "")}/incidents/${r.number}`,
  });
  /** The team's incident list with the page's filters over [from, to]; none across teams (there is no such list). */
  const list = (from: string, to: string, extra: Partial<Pick<InsightsFilters, "severity">> = {}) =>
    single
      ? `/t/${encodeURIComponent(single.slug)}/incidents${toQueryString({
          from: from < period.fromDay ? period.fromDay : from,
          to: to > period.toDay ? period.toDay : to,
          severity: extra.severity ?? filters.severity,
          status: filters.status,
          service: filters.service,
        })}`
      : undefined;
  return { incident, list, single };
}

const SEVERITY_COLOR = { SEV1: "var(--chart-sev1)", SEV2: "var(--chart-sev2)", SEV3: "var(--chart-sev3)", SEV4: "var(--chart-sev4)" } as const;
const PALETTE = ["var(--chart-1)", "var(--chart-2)", "var(--chart-3)", "var(--chart-4)", "var(--chart-5)", "var(--chart-6)"];
export const METRIC_SERIES: ChartSeries[] = METRICS.map((m, k) => ({ key: m, label: METRIC_LABEL[m], color: PALETTE[k]! }));
export const SEVERITY_SERIES: ChartSeries[] = SEVERITIES.map((s) => ({ key: s, label: s, color: SEVERITY_COLOR[s] }));

const bucketEnd = (start: string, unit: "week" | "month" | "quarter") =>
  Temporal.PlainDate.from(start).add(unit === "week" ? { weeks: 1 } : { months: unit === "quarter" ? 3 : 1 }).subtract({ days: 1 }).toString();

const bucketLabel = (start: string, unit: "week" | "month" | "quarter") => {
  const d = Temporal.PlainDate.from(start);
  if (unit === "week") return d.toLocaleString("en-GB", { day: "numeric", month: "short" });
  if (unit === "quarter") return `Q${Math.ceil(d.month / 3)} ${d.year}`;
  return d.toLocaleString("en-GB", { month: "short", year: "numeric" });
};

export function volumePoints(data: Insights): ChartPoint[] {
  const { incident, list } = chartLinks(data);
  const unit = data.scope.filters.volume;
  return bucketStarts(unit, data.scope.period.fromDay, data.scope.period.toDay).map((bucket) => {
    const rows = data.volume.bySeverity.filter((r) => r.bucket === bucket);
    return {
      label: bucketLabel(bucket, unit),
      values: Object.fromEntries(SEVERITIES.map((s) => [s, rows.find((r) => r.severity === s)?.n ?? 0])),
      refs: Object.fromEntries(SEVERITIES.map((s) => [s, (rows.find((r) => r.severity === s)?.refs ?? []).map(incident)])),
      href: list(bucket, bucketEnd(bucket, unit)),
    };
  });
}

/** The busiest services get a colour each; a chart with twenty stacked colours says nothing. */
export function serviceVolume(data: Insights, top = 6): { series: ChartSeries[]; points: ChartPoint[] } {
  const { incident, list } = chartLinks(data);
  const unit = data.scope.filters.volume;
  const totals = new Map<string, number>();
  for (const r of data.volume.byService) totals.set(r.service, (totals.get(r.service) ?? 0) + r.n);
  const names = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, top).map(([name]) => name);
  const series = names.map((name, k) => ({ key: `s${k}`, label: name, color: PALETTE[k % PALETTE.length]! }));
  const points = bucketStarts(unit, data.scope.period.fromDay, data.scope.period.toDay).map((bucket) => {
    const rows = data.volume.byService.filter((r) => r.bucket === bucket);
    return {
      label: bucketLabel(bucket, unit),
      values: Object.fromEntries(series.map((s) => [s.key, rows.find((r) => r.service === s.label)?.n ?? 0])),
      refs: Object.fromEntries(series.map((s) => [s.key, (rows.find((r) => r.service === s.label)?.refs ?? []).map(incident)])),
      href: list(bucket, bucketEnd(bucket, unit)),
    };
  });
  return { series, points };
}

export function trendPoints(data: Insights): ChartPoint[] {
  const { incident, list } = chartLinks(data);
  const unit = data.scope.filters.trend;
  return bucketStarts(unit, data.scope.period.fromDay, data.scope.period.toDay).map((bucket) => {
    const rows = data.responseTimes.trend.filter((r) => r.bucket === bucket);
    return {
      label: bucketLabel(bucket, unit),
      values: Object.fromEntries(METRICS.map((m) => [m, rows.find((r) => r.metric === m)?.p50 ?? null])),
      refs: Object.fromEntries(METRICS.map((m) => [m, (rows.find((r) => r.metric === m)?.refs ?? []).map(incident)])),
      href: list(bucket, bucketEnd(bucket, unit)),
    };
  });
}

export function histogramPoints(data: Insights): ChartPoint[] {
  const { incident, list } = chartLinks(data);
  return Array.from({ length: HISTOGRAM_EDGES.length + 1 }, (_, bin) => {
    const rows = data.responseTimes.histogram.filter((h) => h.bin === bin);
    return {
      label: binLabel(bin),
      values: Object.fromEntries(METRICS.map((m) => [m, rows.find((r) => r.metric === m)?.n ?? 0])),
      refs: Object.fromEntries(METRICS.map((m) => [m, (rows.find((r) => r.metric === m)?.refs ?? []).map(incident)])),
      href: list(data.scope.period.fromDay, data.scope.period.toDay),
    };
  });
}
