import { z } from "zod";
import { Temporal } from "temporal-polyfill";
import { severitySchema, statusSchema } from "@/lib/incidents/schema";
import { cleanSingleLine } from "@/lib/validation";

export const PERIODS = ["30", "90", "365", "custom"] as const;
export const VOLUME_UNITS = ["week", "month"] as const;
export const TREND_UNITS = ["month", "quarter"] as const;
export const METRICS = ["detect", "acknowledge", "mitigate", "resolve"] as const;
export type Metric = (typeof METRICS)[number];

/** A custom period longer than this is cut: three years of weekly bars is already unreadable. */
export const MAX_PERIOD_DAYS = 1100;

/** The Insights filters as they travel in the URL; anything unreadable falls back to its default. */
export const insightsFiltersSchema = z.object({
  period: z.enum(PERIODS).default("90").catch("90"),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  severity: z.array(severitySchema).catch([]).default([]),
  status: z.array(statusSchema).catch([]).default([]),
  service: z.string().transform(cleanSingleLine).pipe(z.string().max(60)).optional().catch(undefined),
  volume: z.enum(VOLUME_UNITS).default("week").catch("week"),
  trend: z.enum(TREND_UNITS).default("month").catch("month"),
});
export type InsightsFilters = z.infer<typeof insightsFiltersSchema>;
export const INSIGHTS_ARRAY_KEYS = ["severity", "status"] as const;

/** The calendar days a view covers, in the team's zone, and the UTC instants that bound them. */
export type Period = { fromDay: string; toDay: string; today: string; from: Date; to: Date; days: number };

const startOfDay = (day: Temporal.PlainDate, timeZone: string) => new Date(day.toZonedDateTime({ timeZone }).epochMilliseconds);

/**
 * Last N days ends today (inclusive). A custom range missing an end, inverted or longer than
 * MAX_PERIOD_DAYS is repaired rather than refused: a bookmarked URL should still show something.
 */
export function resolvePeriod(filters: Pick<InsightsFilters, "period" | "from" | "to">, timeZone: string, now: Date): Period {
  const today = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone).toPlainDate();
  let fromDay: Temporal.PlainDate;
  let toDay: Temporal.PlainDate = today;
  if (filters.period === "custom" && (filters.from || filters.to)) {
    toDay = filters.to ? Temporal.PlainDate.from(filters.to) : today;
    fromDay = filters.from ? Temporal.PlainDate.from(filters.from) : toDay.subtract({ days: 89 });
    if (Temporal.PlainDate.compare(fromDay, toDay) > 0) [fromDay, toDay] = [toDay, fromDay];
    if (fromDay.until(toDay).days >= MAX_PERIOD_DAYS) fromDay = toDay.subtract({ days: MAX_PERIOD_DAYS - 1 });
  } else {
    const days = filters.period === "custom" ? 90 : Number(filters.period);
    fromDay = today.subtract({ days: days - 1 });
  }
  return {
    fromDay: fromDay.toString(),
    toDay: toDay.toString(),
    today: today.toString(),
    from: startOfDay(fromDay, timeZone),
    to: startOfDay(toDay.add({ days: 1 }), timeZone),
    days: fromDay.until(toDay).days + 1,
  };
}

/** Bucket starts (local dates) from the one holding `fromDay` to the one holding `toDay`: weeks start on Monday. */
export function bucketStarts(unit: "week" | "month" | "quarter", fromDay: string, toDay: string): string[] {
  const first = Temporal.PlainDate.from(fromDay);
  let cursor =
    unit === "week" ? first.subtract({ days: first.dayOfWeek - 1 }) : first.with({ day: 1, month: unit === "quarter" ? first.month - ((first.month - 1) % 3) : first.month });
  const end = Temporal.PlainDate.from(toDay);
  const out: string[] = [];
  while (Temporal.PlainDate.compare(cursor, end) <= 0) {
    out.push(cursor.toString());
    cursor = cursor.add(unit === "week" ? { weeks: 1 } : { months: unit === "quarter" ? 3 : 1 });
  }
  return out;
}
