import { formatDuration } from "@/lib/incidents/durations";
import type { ChartPoint, ChartSeries, ValueFormat } from "@/components/insights/chart-types";

export const formatValue = (value: number | null | undefined, format: ValueFormat) =>
  value === null || value === undefined ? "—" : format === "duration" && value !== 0 ? formatDuration(value * 1000) : String(value);

/** Hovering a point: its numbers and the first incidents behind each. */
export function ChartTooltip({ point, series, format }: { point: ChartPoint | undefined; series: ChartSeries[]; format: ValueFormat }) {
  if (!point) return null;
  return (
    <div className="max-w-xs rounded-lg p-3 text-xs shadow-lg ring-1 ring-zinc-200 dark:ring-zinc-700" style={{ background: "var(--chart-tooltip-bg)" }}>
      <p className="mb-1 font-semibold">{point.label}</p>
      <ul className="space-y-1">
        {series
          .filter((s) => point.values[s.key] !== null && point.values[s.key] !== undefined && point.values[s.key] !== 0)
          .map((s) => (
            <li key={s.key}>
              <span className="mr-1 inline-block h-2 w-2 rounded-sm" style={{ background: s.color }} aria-hidden="true" />
              {s.label}: <span className="font-medium">{formatValue(point.values[s.key], format)}</span>
              {(point.refs[s.key] ?? []).length > 0 && (
                <span className="block pl-3 text-zinc-600 dark:text-zinc-400">{(point.refs[s.key] ?? []).map((r) => r.label).join(", ")}</span>
              )}
            </li>
          ))}
      </ul>
      <p className="mt-1 text-zinc-500 dark:text-zinc-400">Click to list them.</p>
    </div>
  );
}

/** Axis ticks stay on one line: "45 min", "2.5 h", "3 d". */
export function formatAxisValue(value: number, format: ValueFormat): string {
  if (format !== "duration" || value === 0) return String(value);
  const round = (n: number) => String(Number(n.toFixed(1)));
  if (value < 3600) return `${Math.round(value / 60)} min`;
  if (value < 172_800) return `${round(value / 3600)} h`;
  return `${round(value / 86_400)} d`;
}
