"use client";

import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartTooltip, formatAxisValue, formatValue } from "@/components/insights/chart-tooltip";
import { PointList } from "@/components/insights/point-list";
import type { ChartPoint, ChartSeries, ValueFormat } from "@/components/insights/chart-types";

type Props = { label: string; series: ChartSeries[]; points: ChartPoint[]; stacked?: boolean; format?: ValueFormat; horizontal?: boolean; height?: number };

/** Bars (stacked or side by side) whose tooltip names the incidents behind them; a click lists them under the chart. */
export function InsightsBarChart({ label, series, points, stacked = false, format = "count", horizontal = false, height = 260 }: Props) {
  const [selected, setSelected] = useState<{ index: number; series: string } | null>(null);
  const rows = points.map((p, index) => ({ index, label: p.label, ...p.values }));
  const axisTick = { fill: "var(--chart-axis)", fontSize: 12 };
  const picked = selected ? points[selected.index] : undefined;
  const pickedSeries = series.find((s) => s.key === selected?.series);
  const valueAxis = <YAxis type="number" tick={axisTick} stroke="var(--chart-grid)" allowDecimals={false} tickFormatter={(v: number) => formatAxisValue(v, format)} width={format === "duration" ? 56 : 40} />;
  return (
    <figure aria-label={label}>
      <div style={{ height }} className="w-full" role="img" aria-label={`${label}: chart; the table below has the same numbers.`}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout={horizontal ? "vertical" : "horizontal"} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" vertical={!horizontal} horizontal={horizontal ? false : true} />
            {horizontal ? (
              <>
                <XAxis type="number" tick={axisTick} stroke="var(--chart-grid)" allowDecimals={false} tickFormatter={(v: number) => formatAxisValue(v, format)} />
                <YAxis type="category" dataKey="label" tick={axisTick} stroke="var(--chart-grid)" width={110} />
              </>
            ) : (
              <>
                <XAxis dataKey="label" tick={axisTick} stroke="var(--chart-grid)" interval="preserveStartEnd" minTickGap={8} />
                {valueAxis}
              </>
            )}
            <Tooltip
              cursor={{ fill: "var(--chart-grid)", fillOpacity: 0.4 }}
              content={({ active, label: hovered }) => (active ? <ChartTooltip point={points.find((p) => p.label === hovered)} series={series} format={format} /> : null)}
            />
            {series.length > 1 && <Legend itemSorter={null} wrapperStyle={{ fontSize: 12, color: "var(--chart-axis)" }} />}
            {series.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stackId={stacked ? "all" : undefined}
                fill={s.color}
                isAnimationActive={false}
                cursor="pointer"
                onClick={(_data: unknown, index: number) => setSelected({ index, series: s.key })}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      {picked && pickedSeries && (
        <PointList
          heading={`${picked.label} · ${pickedSeries.label}: ${formatValue(picked.values[pickedSeries.key], format)}`}
          refs={picked.refs[pickedSeries.key] ?? []}
          total={format === "count" ? (picked.values[pickedSeries.key] ?? null) : null}
          href={picked.href}
          onClose={() => setSelected(null)}
        />
      )}
    </figure>
  );
}
