import { Temporal } from "temporal-polyfill";

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
