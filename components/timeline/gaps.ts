import { dayKey } from "@/lib/time/zoned";

/** Silences shorter than this are not called out between events. */
export const GAP_THRESHOLD_MS = 30 * 60 * 1000;

export type DayGroup<T> = { day: string; items: { item: T; gapBefore: number | null }[] };

/** Groups time-ordered items by calendar day in the zone, noting long silences between neighbours. */
export function groupByDay<T extends { occurredAt: Date }>(items: T[], timeZone: string): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  let previous: Date | null = null;
  for (const item of items) {
    const day = dayKey(item.occurredAt, timeZone);
    let group = groups[groups.length - 1];
    if (!group || group.day !== day) groups.push((group = { day, items: [] }));
    const gap = previous ? item.occurredAt.getTime() - previous.getTime() : null;
    group.items.push({ item, gapBefore: gap !== null && gap >= GAP_THRESHOLD_MS ? gap : null });
    previous = item.occurredAt;
  }
  return groups;
}
