import { formatDayKey } from "@/lib/time/format";

/** Silences shorter than this are not called out between events. */
export const GAP_THRESHOLD_MS = 30 * 60 * 1000;

export type DayGroup<T> = { day: string; items: { item: T; gapBefore: number | null }[] };

const timeOf = (at: Date | string) => (typeof at === "string" ? Date.parse(at) : at.getTime());

/**
 * Groups time-ordered items by calendar day in the zone, noting long silences between neighbours.
 * Hindsight's own lines (source SYSTEM) are log entries of when the record changed: they keep their
 * real time but neither open nor close a silence, so back-filling a 2023 incident today shows no
 * "3 years with nothing recorded".
 */
export function groupByDay<T extends { occurredAt: Date | string; source?: string }>(items: T[], timeZone: string): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  let previous: number | null = null;
  for (const item of items) {
    const at = timeOf(item.occurredAt);
    const day = formatDayKey(new Date(at), timeZone);
    let group = groups[groups.length - 1];
    if (!group || group.day !== day) groups.push((group = { day, items: [] }));
    const logEntry = item.source === "SYSTEM";
    const gap = previous !== null && !logEntry ? at - previous : null;
    group.items.push({ item, gapBefore: gap !== null && gap >= GAP_THRESHOLD_MS ? gap : null });
    if (!logEntry) previous = at;
  }
  return groups;
}
