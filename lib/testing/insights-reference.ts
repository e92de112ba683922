import { Temporal } from "temporal-polyfill";
import type { Fixture, FixtureIncident, FixtureTask } from "@/lib/testing/insights-fixture";

/**
 * A deliberately plain re-implementation of what Insights computes, from the fixture's objects,
 * so the SQL is checked against arithmetic written a second, independent way.
 */
export function percentileCont(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export const localDate = (d: Date, zone: string) => Temporal.Instant.fromEpochMilliseconds(d.getTime()).toZonedDateTimeISO(zone).toPlainDate();

export function bucketOf(d: Date, zone: string, unit: "week" | "month" | "quarter"): string {
  const day = localDate(d, zone);
  if (unit === "week") return day.subtract({ days: day.dayOfWeek - 1 }).toString();
  const month = unit === "quarter" ? day.month - ((day.month - 1) % 3) : day.month;
  return day.with({ day: 1, month }).toString();
}

export const MOMENT_OF = { detect: "detectedAt", acknowledge: "acknowledgedAt", mitigate: "mitigatedAt", resolve: "resolvedAt" } as const;

export function durations(incidents: FixtureIncident[], metric: keyof typeof MOMENT_OF) {
  const secs = incidents.map((i) => {
    const moment = i[MOMENT_OF[metric]];
    return moment ? (moment.getTime() - i.startedAt.getTime()) / 1000 : null;
  });
  const values = secs.filter((s): s is number => s !== null);
  return { p50: percentileCont(values, 0.5), p90: percentileCont(values, 0.9), n: values.length, missing: secs.length - values.length, values };
}

export function histogramBucket(secs: number, edges: readonly number[]): number {
  return edges.filter((edge) => edge <= secs).length;
}

export type Window = { from: Date; to: Date; fromDay: string; toDay: string; today: string };

export function inWindow(fixture: Fixture, teams: ("A" | "B")[], window: Window, keep: (i: FixtureIncident) => boolean = () => true) {
  return fixture.incidents.filter((i) => teams.includes(i.team) && i.startedAt >= window.from && i.startedAt < window.to && keep(i));
}

export function taskOutcomes(tasks: FixtureTask[], window: Window, zone: string) {
  const due = tasks.filter((t) => (t.type === "CORRECTIVE" || t.type === "PREVENTIVE") && t.dueDate && t.dueDate >= window.fromDay && t.dueDate <= window.toDay && t.dueDate < window.today);
  const done = due.filter((t) => t.status === "DONE");
  const onTime = done.filter((t) => localDate(t.completedAt!, zone).toString() <= t.dueDate!).length;
  return {
    onTime,
    late: done.length - onTime,
    notDone: due.filter((t) => ["OPEN", "IN_PROGRESS", "BLOCKED"].includes(t.status)).length,
    wontDo: due.filter((t) => t.status === "WONT_DO").length,
  };
}

export const isOpenTask = (t: FixtureTask) => ["OPEN", "IN_PROGRESS", "BLOCKED"].includes(t.status);

export function overdueBucket(dueDate: string, today: string): number {
  const days = Temporal.PlainDate.from(dueDate).until(Temporal.PlainDate.from(today)).days;
  return days <= 7 ? 0 : days <= 30 ? 1 : days <= 90 ? 2 : 3;
}

/** Per service: incidents in the period that came within 90 days of the service's previous one. */
export function repeats(incidents: FixtureIncident[], window: Window, lookBackFrom: Date) {
  const byService = new Map<string, FixtureIncident[]>();
  for (const i of incidents) {
    if (i.startedAt < lookBackFrom || i.startedAt >= window.to) continue;
    for (const s of i.services) byService.set(`${i.team}:${s}`, [...(byService.get(`${i.team}:${s}`) ?? []), i]);
  }
  const out = new Map<string, number>();
  for (const [service, list] of byService) {
    const sorted = [...list].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
    let count = 0;
    for (let k = 1; k < sorted.length; k++) {
      const here = sorted[k]!;
      if (here.startedAt >= window.from && here.startedAt.getTime() - sorted[k - 1]!.startedAt.getTime() <= 90 * 86_400_000) count++;
    }
    if (count > 0) out.set(service, count);
  }
  return out;
}
