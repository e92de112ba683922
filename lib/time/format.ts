/**
 * Creating an Intl.DateTimeFormat costs far more than using one (a profile of the incident page
 * spent a fifth of its time there), so each shape is built once per zone and kept. The cache is
 * bounded: zones come from stored incidents and readers' browsers, so there are few, but an
 * unbounded map keyed by input is a leak waiting for odd input.
 */
const MAX_ZONES = 64;

function cachedFormatter(options: Intl.DateTimeFormatOptions): (timeZone: string) => Intl.DateTimeFormat {
  const byZone = new Map<string, Intl.DateTimeFormat>();
  return (timeZone) => {
    let formatter = byZone.get(timeZone);
    if (formatter) return formatter;
    formatter = new Intl.DateTimeFormat("en-US", { ...options, timeZone });
    if (byZone.size >= MAX_ZONES) byZone.delete(byZone.keys().next().value as string);
    byZone.set(timeZone, formatter);
    return formatter;
  };
}

const dateTimeIn = cachedFormatter({ year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "shortOffset" });
const timeIn = cachedFormatter({ hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "shortOffset" });
const dayIn = cachedFormatter({ year: "numeric", month: "2-digit", day: "2-digit" });
const offsetIn = cachedFormatter({ timeZoneName: "shortOffset" });

/** "Oct 15, 2023, 08:03 GMT+2": a moment in a zone, always with that zone's offset at that moment. */
export function formatDateTime(date: Date, timeZone: string): string {
  return dateTimeIn(timeZone).format(date);
}

/** "08:03 GMT+2" */
export function formatTime(date: Date, timeZone: string): string {
  return timeIn(timeZone).format(date);
}

/** "2023-10-15": the calendar day of a moment in a zone (the key the timeline groups by). */
export function formatDayKey(date: Date, timeZone: string): string {
  const parts = dayIn(timeZone).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** "GMT+2": the zone's offset at a moment, as Intl names it ("GMT" for UTC). */
export function formatOffsetName(date: Date, timeZone: string): string {
  return offsetIn(timeZone).formatToParts(date).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
}

const dayHeadingFormat = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", weekday: "long", month: "long", day: "numeric", year: "numeric" });

/** "Sunday, October 15, 2023" for the day key "2023-10-15" (a calendar day, so no zone applies). */
export function formatDayHeading(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return dayHeadingFormat.format(new Date(Date.UTC(year, month - 1, date)));
}
