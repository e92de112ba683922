/** What a chart receives from the server: plain data with links already made (functions cannot cross to the client). */
export type ChartRef = { label: string; title: string; href: string };
export type ChartSeries = { key: string; label: string; color: string };
export type ChartPoint = {
  label: string;
  values: Record<string, number | null>;
  /** The first incidents (or tasks) behind each series' value at this point. */
  refs: Record<string, ChartRef[]>;
  /** Where the full list behind this point lives (the filtered incident list). */
  href?: string;
};
export type ValueFormat = "count" | "duration";
