import { Temporal } from "temporal-polyfill";

/** The UTC instants bounding calendar days in a zone: [start of `from`, start of the day after `to`). */
export function dayRangeToUtc(from: string | undefined, to: string | undefined, timeZone: string): { gte?: Date; lt?: Date } {
  const startOf = (day: Temporal.PlainDate) => new Date(day.toZonedDateTime({ timeZone }).epochMilliseconds);
  return {
    gte: from ? startOf(Temporal.PlainDate.from(from)) : undefined,
    lt: to ? startOf(Temporal.PlainDate.from(to).add({ days: 1 })) : undefined,
  };
}
