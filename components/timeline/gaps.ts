import { formatDayKey } from "@/lib/time/format";

/** Silences shorter than this are not called out between events. */
export const GAP_THRESHOLD_MS = 30 * 60 * 1000;

export type DayGroup<T> = { day: string; items: { item: T; gapBefore: number | null }[] };

const timeOf = (at: Date | string) => (typeof at === "string" ? Date.parse(at) : at.getTime());

/** Groups time-ordered items by calendar day in the zone, noting long silences between neighbours. */
export function groupByDay<T extends { occurredAt: Date | string }>(items: T[], timeZone: string): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  let previous: number | null = null;
  for (const item of items) {
    const at = timeOf(item.occurredAt);
    const day = formatDayKey(new Date(at), timeZone);
    let group = groups[groups.length - 1];
    if (!group || group.day !== day) groups.push((group = { day, items: [] }));
    const gap = previous !== null ? at - previous : null;
    group.items.push({ item, gapBefore: gap !== null && gap >= GAP_THRESHOLD_MS ? gap : null });
    previous = at;
  }
  return groups;
}
