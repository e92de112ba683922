import { formatDuration } from "@/lib/incidents/durations";
import { TASK_TYPE_LABEL } from "@/lib/tasks/labels";
import type { Insights } from "@/lib/insights/queries";
import { HISTOGRAM_EDGES, type Stat } from "@/lib/insights/response-times";
import { METRICS, type Metric } from "@/lib/insights/schema";
import { SEVERITIES } from "@/lib/incidents/fields";

/**
 * Every chart's numbers as plain tables: the page's table views and the CSV downloads are both
 * made from these, so they cannot disagree.
 */
export type ColumnKind = "text" | "count" | "duration" | "share";
export type Column = { key: string; label: string; kind: ColumnKind };
export type Cell = string | number | null;
export type Table = { id: TableId; title: string; columns: Column[]; rows: Record<string, Cell>[] };

/** What a panel's download buttons say for each table. */
export const CSV_LABEL: Record<TableId, string> = {
  "response-times": "medians",
  "response-trend": "trend",
  "response-distribution": "distribution",
  volume: "by severity",
  "volume-by-service": "by service",
  origin: "origin",
  "follow-through": "due tasks",
  overdue: "overdue",
  "open-tasks": "open tasks",
  postmortems: "postmortems",
  repeats: "repeats",
};

export const TABLE_IDS = ["response-times", "response-trend", "response-distribution", "volume", "volume-by-service", "origin", "follow-through", "overdue", "open-tasks", "postmortems", "repeats"] as const;
export type TableId = (typeof TABLE_IDS)[number];

export const METRIC_LABEL: Record<Metric, string> = { detect: "Time to detect", acknowledge: "Time to acknowledge", mitigate: "Time to mitigate", resolve: "Time to resolve" };
export const ORIGIN_LABEL = { MANUAL: "Declared by hand", ALERT: "From an alert", API: "Through the API" } as const;

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const statCells = (s: Stat | undefined) => ({ p50: s?.p50 ?? null, p90: s?.p90 ?? null, n: s?.n ?? 0, missing: s?.missing ?? 0 });
const statColumns: Column[] = [
  { key: "p50", label: "Median", kind: "duration" },
  { key: "p90", label: "p90", kind: "duration" },
  { key: "n", label: "n", kind: "count" },
  { key: "missing", label: "Without this moment", kind: "count" },
];

/** "5 min – 15 min", "under 5 min", "3 d or more". */
export function binLabel(bin: number): string {
  const edge = (k: number) => formatDuration(HISTOGRAM_EDGES[k]! * 1000);
  if (bin === 0) return `under ${edge(0)}`;
  if (bin >= HISTOGRAM_EDGES.length) return `${edge(HISTOGRAM_EDGES.length - 1)} or more`;
  return `${edge(bin - 1)} – ${edge(bin)}`;
}

export function insightsTables(data: Insights, teamName: (teamId: string) => string): Table[] {
  const rt = data.responseTimes;
  const responseRows = [
    ...METRICS.map((metric) => ({ metric: METRIC_LABEL[metric], group: "All incidents", ...statCells(rt.overall.find((r) => r.metric === metric)) })),
    ...SEVERITIES.flatMap((severity) =>
      METRICS.map((metric) => ({ metric: METRIC_LABEL[metric], group: severity, ...statCells(rt.bySeverity.find((r) => r.metric === metric && r.severity === severity)) })),
    ),
    ...[...new Set(rt.byService.map((r) => r.service))].flatMap((service) =>
      METRICS.map((metric) => ({ metric: METRIC_LABEL[metric], group: `Service: ${service}`, ...statCells(rt.byService.find((r) => r.metric === metric && r.service === service)) })),
    ),
  ];
  const buckets = [...new Set(rt.trend.map((r) => r.bucket))].sort();
  const volumeBuckets = [...new Set(data.volume.bySeverity.map((r) => r.bucket))].sort();
  const serviceBuckets = [...new Set(data.volume.byService.map((r) => r.bucket))].sort();
  const ft = data.followThrough;
  const pm = data.postmortems;
  return [
    { id: "response-times", title: "Response times", columns: [{ key: "metric", label: "Measure", kind: "text" }, { key: "group", label: "Incidents", kind: "text" }, ...statColumns], rows: responseRows },
    {
      id: "response-trend",
      title: `Response times by ${data.scope.filters.trend}`,
      columns: [{ key: "bucket", label: data.scope.filters.trend === "month" ? "Month" : "Quarter", kind: "text" }, { key: "metric", label: "Measure", kind: "text" }, ...statColumns],
      rows: buckets.flatMap((bucket) => METRICS.map((metric) => ({ bucket, metric: METRIC_LABEL[metric], ...statCells(rt.trend.find((r) => r.bucket === bucket && r.metric === metric)) }))),
    },
    {
      id: "response-distribution",
      title: "Distribution of response times",
      columns: [{ key: "range", label: "Duration", kind: "text" }, ...METRICS.map((m) => ({ key: m, label: METRIC_LABEL[m], kind: "count" as const }))],
      rows: Array.from({ length: HISTOGRAM_EDGES.length + 1 }, (_, bin) => ({
        range: binLabel(bin),
        ...Object.fromEntries(METRICS.map((m) => [m, rt.histogram.find((h) => h.metric === m && h.bin === bin)?.n ?? 0])),
      })),
    },
    {
      id: "volume",
      title: `Incidents per ${data.scope.filters.volume} by severity`,
      columns: [{ key: "bucket", label: data.scope.filters.volume === "week" ? "Week of" : "Month", kind: "text" }, ...SEVERITIES.map((s) => ({ key: s, label: s, kind: "count" as const })), { key: "total", label: "Total", kind: "count" }],
      rows: volumeBuckets.map((bucket) => {
        const counts = Object.fromEntries(SEVERITIES.map((s) => [s, data.volume.bySeverity.find((r) => r.bucket === bucket && r.severity === s)?.n ?? 0]));
        return { bucket, ...counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
      }),
    },
    {
      id: "volume-by-service",
      title: `Incidents per ${data.scope.filters.volume} by service`,
      columns: [{ key: "bucket", label: data.scope.filters.volume === "week" ? "Week of" : "Month", kind: "text" }, { key: "service", label: "Service", kind: "text" }, { key: "n", label: "Incidents", kind: "count" }],
      rows: serviceBuckets.flatMap((bucket) => data.volume.byService.filter((r) => r.bucket === bucket).map((r) => ({ bucket, service: r.service, n: r.n }))),
    },
    {
      id: "origin",
      title: "Where incidents came from",
      columns: [{ key: "origin", label: "Opened", kind: "text" }, { key: "n", label: "Incidents", kind: "count" }, { key: "share", label: "Share", kind: "share" }],
      rows: (["ALERT", "MANUAL", "API"] as const).map((o) => {
        const n = data.volume.byOrigin.find((r) => r.origin === o)?.n ?? 0;
        return { origin: ORIGIN_LABEL[o], n, share: share(n, data.volume.total) };
      }),
    },
    {
      id: "follow-through",
      title: "Corrective and preventive tasks due in the period",
      columns: [
        { key: "type", label: "Type", kind: "text" },
        { key: "onTime", label: "Done on time", kind: "count" },
        { key: "late", label: "Done late", kind: "count" },
        { key: "notDone", label: "Not done", kind: "count" },
        { key: "wontDo", label: "Won't do", kind: "count" },
        { key: "share", label: "Done by the due date", kind: "share" },
      ],
      rows: (["CORRECTIVE", "PREVENTIVE"] as const).map((type) => {
        const r = ft.dueInPeriod.find((x) => x.type === type) ?? { onTime: 0, late: 0, notDone: 0, wontDo: 0 };
        return { type: TASK_TYPE_LABEL[type].label, onTime: r.onTime, late: r.late, notDone: r.notDone, wontDo: r.wontDo, share: share(r.onTime, r.onTime + r.late + r.notDone) };
      }),
    },
    {
      id: "overdue",
      title: "Open tasks past their due date, by how late",
      columns: [{ key: "age", label: "Overdue by", kind: "text" }, { key: "n", label: "Tasks", kind: "count" }],
      rows: ft.overdueByAge.map((r) => ({ age: r.bucket, n: r.n })),
    },
    {
      id: "open-tasks",
      title: "Open tasks by type and owner",
      columns: [{ key: "by", label: "By", kind: "text" }, { key: "group", label: "Group", kind: "text" }, { key: "n", label: "Open tasks", kind: "count" }],
      rows: [
        ...ft.openByType.map((r) => ({ by: "Type", group: TASK_TYPE_LABEL[r.type].label, n: r.n })),
        ...ft.openByOwner.map((r) => ({ by: "Owner", group: r.owner ?? "Unassigned", n: r.n })),
        { by: "Verification", group: "Done in the period", n: ft.verification.done },
        { by: "Verification", group: "…with a check to verify", n: ft.verification.withCheck },
        { by: "Verification", group: "…verified", n: ft.verification.verified },
      ],
    },
    {
      id: "postmortems",
      title: "Postmortems of SEV1–2 incidents, and how long they take",
      columns: [{ key: "measure", label: "Measure", kind: "text" }, { key: "n", label: "Incidents", kind: "count" }, { key: "share", label: "Share of SEV1–2", kind: "share" }, ...statColumns.filter((c) => c.key !== "n")],
      rows: [
        { measure: "SEV1–2 incidents", n: pm.coverage.major, share: null, p50: null, p90: null, missing: null },
        { measure: "…with a postmortem", n: pm.coverage.withPostmortem, share: share(pm.coverage.withPostmortem, pm.coverage.major), p50: null, p90: null, missing: null },
        { measure: "…approved", n: pm.coverage.approved, share: share(pm.coverage.approved, pm.coverage.major), p50: null, p90: null, missing: null },
        { measure: "…published", n: pm.coverage.published, share: share(pm.coverage.published, pm.coverage.major), p50: null, p90: null, missing: null },
        ...pm.leadTimes.map((l) => ({ measure: `Lead time ${l.stage}`, n: l.stat.n, share: null, p50: l.stat.p50, p90: l.stat.p90, missing: l.stat.missing })),
      ],
    },
    {
      id: "repeats",
      title: "Services hit again within 90 days",
      columns: [
        ...(data.teams.length > 1 ? [{ key: "team", label: "Team", kind: "text" as const }] : []),
        { key: "service", label: "Service", kind: "text" },
        { key: "repeats", label: "Repeat incidents", kind: "count" },
        { key: "incidents", label: "Incidents", kind: "text" },
        { key: "open", label: "Open corrective tasks", kind: "count" },
      ],
      rows: data.repeats.map((r) => ({
        team: teamName(r.teamId),
        service: r.service,
        repeats: r.repeats,
        incidents: r.incidents.map((i) => `INC-${i.number}`).join(" "),
        open: r.openCorrectiveTotal,
      })),
    },
  ];
}


/** A cell as the page shows it: durations in words, shares as percentages, a dash for nothing. */
export function formatCell(value: Cell, kind: ColumnKind): string {
  if (value === null || value === "") return "—";
  if (kind === "duration") return formatDuration(Number(value) * 1000);
  if (kind === "share") return `${(Number(value) * 100).toFixed(1)}%`;
  return String(value);
}

/** RFC 4180 CSV; durations in seconds and shares in percent, so a spreadsheet can compute with them. */
export function toCsv(table: Table): string {
  const quote = (text: string) => (/[",\r\n]/.test(text) || /^[=+\-@]/.test(text) ? `"${(/^[=+\-@]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"` : text);
  const header = table.columns.map((c) => quote(c.kind === "duration" ? `${c.label} (seconds)` : c.kind === "share" ? `${c.label} (%)` : c.label));
  const lines = table.rows.map((row) =>
    table.columns
      .map((c) => {
        const v = row[c.key] ?? null;
        if (v === null) return "";
        if (c.kind === "duration") return Number(v).toFixed(0);
        if (c.kind === "share") return (Number(v) * 100).toFixed(1);
        return quote(String(v));
      })
      .join(","),
  );
  return [header.join(","), ...lines].join("\r\n") + "\r\n";
}
