"use client";

import { useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartTooltip, formatAxisValue, formatValue } from "@/components/insights/chart-tooltip";
import { PointList } from "@/components/insights/point-list";
import type { ChartPoint, ChartSeries } from "@/components/insights/chart-types";

/** Medians over time, one line per measure; hovering names the incidents, clicking a point lists them. */
export function InsightsTrendChart({ label, series, points, height = 260 }: { label: string; series: ChartSeries[]; points: ChartPoint[]; height?: number }) {
  const [selected, setSelected] = useState<{ index: number; series: string } | null>(null);
  const rows = points.map((p) => ({ label: p.label, ...p.values }));
  const axisTick = { fill: "var(--chart-axis)", fontSize: 12 };
  const picked = selected ? points[selected.index] : undefined;
  const pickedSeries = series.find((s) => s.key === selected?.series);
  return (
    <figure aria-label={label}>
      <div style={{ height }} className="w-full" role="img" aria-label={`${label}: chart; the table below has the same numbers.`}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 8, left: 0 }}>
            <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" />
            <XAxis dataKey="label" tick={axisTick} stroke="var(--chart-grid)" />
            <YAxis tick={axisTick} stroke="var(--chart-grid)" tickFormatter={(v: number) => formatAxisValue(v, "duration")} width={56} />
            <Tooltip content={({ active, label: hovered }) => (active ? <ChartTooltip point={points.find((p) => p.label === hovered)} series={series} format="duration" /> : null)} />
            <Legend itemSorter={null} wrapperStyle={{ fontSize: 12, color: "var(--chart-axis)" }} />
            {series.map((s) => (
              <Line
                key={s.key}
                type="monotone"
                dataKey={s.key}
                name={s.label}
                stroke={s.color}
                strokeWidth={2}
                connectNulls
                isAnimationActive={false}
                dot={{ r: 3, fill: s.color }}
                activeDot={{ r: 6, cursor: "pointer", onClick: (_e: unknown, payload: unknown) => setSelected({ index: (payload as { index: number }).index, series: s.key }) }}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      {picked && pickedSeries && (
        <PointList
          heading={`${picked.label} · ${pickedSeries.label}: median ${formatValue(picked.values[pickedSeries.key], "duration")}`}
          refs={picked.refs[pickedSeries.key] ?? []}
          total={null}
          href={picked.href}
          onClose={() => setSelected(null)}
        />
      )}
    </figure>
  );
}
