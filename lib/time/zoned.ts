import { Temporal } from "temporal-polyfill";
import { formatOffsetName } from "@/lib/time/format";

/**
 * Wall-clock input ("2023-10-15T08:03" typed by someone thinking in the incident's zone) to UTC.
 * A time that does not exist (clocks jumped forward) is refused; one that happens twice (clocks
 * went back) takes the earlier, unless `later` asks for the second.
 */
export function wallTimeToUtc(wall: string, timeZone: string, choice: "earlier" | "later" = "earlier"): Date {
  if (wallTimeProblem(wall, timeZone) === "nonexistent") {
    throw new RangeError(`${wall.replace("T", " ")} does not exist in ${timeZone}: the clocks skipped it.`);
  }
  const zoned = Temporal.PlainDateTime.from(wall).toZonedDateTime(timeZone, { disambiguation: choice });
  return new Date(zoned.epochMilliseconds);
}

export type WallTimeProblem = "nonexistent" | "ambiguous" | null;

export function wallTimeProblem(wall: string, timeZone: string): WallTimeProblem {
  const plain = Temporal.PlainDateTime.from(wall);
  const earlier = plain.toZonedDateTime(timeZone, { disambiguation: "earlier" });
  const laterZoned = plain.toZonedDateTime(timeZone, { disambiguation: "later" });
  if (!earlier.toPlainDateTime().equals(plain)) return "nonexistent";
  return earlier.epochMilliseconds === laterZoned.epochMilliseconds ? null : "ambiguous";
}

/** UTC to the "YYYY-MM-DDTHH:mm" a datetime-local input shows, in the given zone. */
export function utcToWallTime(date: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(date.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDateTime()
    .toString({ smallestUnit: "minute" });
}

/** The zone's calendar day of a moment, "2023-10-15", for grouping a timeline by day. */
export function dayKey(date: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(date.getTime()).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

/**
 * Which moments of a time-ordered list must show their date: the first, and each one on another
 * calendar day (in the zone) than the one before, so a timeline crossing midnight says so.
 */
export function dayChanges(dates: Date[], timeZone: string): boolean[] {
  return dates.map((date, i) => {
    const before = dates[i - 1];
    return !before || dayKey(before, timeZone) !== dayKey(date, timeZone);
  });
}

/** The zone's offset at a moment as people read it: "GMT+2", "GMT-4", "GMT+5:30", "GMT" for UTC. */
export function offsetName(date: Date, timeZone: string): string {
  const name = formatOffsetName(date, timeZone);
  return name === "GMT+0" ? "GMT" : name;
}

/** "+02:00" from an instant in a zone: the suffix that makes a wall time an exact instant. */
export function offsetSuffix(date: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(date.getTime()).toZonedDateTimeISO(timeZone).offset;
}

/** The instants a wall time names in a zone: none (skipped), one, or two (the repeated hour). */
export function wallTimeInstants(wall: string, timeZone: string): Date[] {
  const plain = Temporal.PlainDateTime.from(wall);
  const earlier = plain.toZonedDateTime(timeZone, { disambiguation: "earlier" });
  if (!earlier.toPlainDateTime().equals(plain)) return [];
  const later = plain.toZonedDateTime(timeZone, { disambiguation: "later" });
  const first = new Date(earlier.epochMilliseconds);
  return earlier.epochMilliseconds === later.epochMilliseconds ? [first] : [first, new Date(later.epochMilliseconds)];
}

/**
 * A time as forms and the API send it: a wall time in the incident's zone, optionally with the
 * offset that picks one of a repeated hour's two instants ("2024-11-03T01:15-05:00"), or an exact
 * UTC instant ("…Z", what an untouched input sends back so nothing is re-read).
 */
export const ZONED_VALUE_PATTERN = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:\d{2})?$/;

export type ZonedValue = { wall: string; offset: string | null; precision: "minute" | "second" | "exact" };

export function parseZonedValue(value: string): ZonedValue | null {
  const match = ZONED_VALUE_PATTERN.exec(value.trim());
  if (!match) return null;
  const [, date = "", time = "", offset] = match;
  try {
    Temporal.PlainDateTime.from(`${date}T${time}`);
  } catch {
    return null;
  }
  const precision = time.length === 5 ? "minute" : time.length === 8 ? "second" : "exact";
  return { wall: `${date}T${time}`, offset: offset ?? null, precision };
}

const shortWall = (wall: string) => wall.replace("T", " ").slice(0, 16);
const clock = (wall: string) => wall.slice(11, 16);

/**
 * The instant a zoned value names, or a RangeError whose message can be shown as it is: skipped
 * times, a repeated hour without its offset, and offsets the zone never had at that time are refused.
 */
export function zonedValueToUtc(value: string, timeZone: string): Date {
  const parsed = parseZonedValue(value);
  if (!parsed) throw new RangeError("Enter a date (YYYY-MM-DD) and a 24-hour time (HH:MM).");
  if (parsed.offset === "Z") return new Date(Temporal.Instant.from(`${parsed.wall}Z`).epochMilliseconds);
  const candidates = wallTimeInstants(parsed.wall, timeZone);
  if (candidates.length === 0) throw new RangeError(`${shortWall(parsed.wall)} does not exist in ${timeZone}: the clocks skipped that hour.`);
  if (parsed.offset) {
    const chosen = candidates.find((c) => offsetSuffix(c, timeZone) === parsed.offset);
    if (!chosen) {
      const valid = candidates.map((c) => offsetName(c, timeZone)).join(" or ");
      throw new RangeError(`${timeZone} was at ${valid} at ${shortWall(parsed.wall)}, not ${parsed.offset}.`);
    }
    return chosen;
  }
  if (candidates.length === 2) {
    const [first, second] = candidates.map((c) => `${clock(parsed.wall)} ${offsetName(c, timeZone)}`);
    throw new RangeError(`${shortWall(parsed.wall)} happened twice in ${timeZone} (the clocks went back): choose ${first} (the first) or ${second} (the second).`);
  }
  const [only] = candidates;
  if (!only) throw new RangeError("Enter a valid date and time.");
  return only;
}

/** An instant as a zoned value with its offset, so reading it back can never pick the other hour. */
export function utcToZonedValue(date: Date, timeZone: string): string {
  const zoned = Temporal.Instant.fromEpochMilliseconds(date.getTime()).toZonedDateTimeISO(timeZone);
  const wall = zoned.toPlainDateTime().toString({ smallestUnit: zoned.second || zoned.millisecond ? "millisecond" : "minute" });
  return `${wall}${zoned.offset}`;
}

function truncate(date: Date, precision: ZonedValue["precision"]): number {
  const ms = date.getTime();
  if (precision === "exact") return ms;
  const unit = precision === "minute" ? 60_000 : 1000;
  return Math.floor(ms / unit) * unit;
}

/**
 * Whether a submitted value still names the stored instant at the precision it was shown in.
 * "01:15" for a stored 01:15:42 GMT-5 (the repeated hour's second pass) is the stored instant,
 * not a request to move it to the first 01:15 or to drop its seconds.
 */
export function namesInstant(value: string, stored: Date, timeZone: string): boolean {
  const parsed = parseZonedValue(value);
  if (!parsed) return false;
  const shown = truncate(stored, parsed.precision);
  if (parsed.offset) {
    try {
      return zonedValueToUtc(value, timeZone).getTime() === shown;
    } catch {
      return false;
    }
  }
  return wallTimeInstants(parsed.wall, timeZone).some((c) => c.getTime() === shown);
}
