import { AppError } from "@/lib/errors";
import { isPlausibleInstant } from "@/lib/validation";
import { PLAUSIBLE_YEARS } from "@/lib/plausible-years";
import { namesInstant, zonedValueToUtc } from "@/lib/time/zoned";

/** How far ahead of the server's clock a time may be before it is refused as a typo. */
export const FUTURE_TOLERANCE_MS = 60 * 60 * 1000;

const fieldError = (field: string, message: string) => new AppError("VALIDATION", "Please correct the highlighted fields.", { [field]: [message] });

/**
 * Converts a time typed in the incident's zone (see `zonedValueToUtc`), naming the field when it
 * cannot. When the value still names `stored` at the precision it was shown in, `stored` itself
 * comes back: a save never moves a time nobody touched, not even by its seconds.
 */
export function zonedFieldToUtc(field: string, value: string, timeZone: string, now = new Date(), stored?: Date | null): Date {
  if (stored && namesInstant(value, stored, timeZone)) return stored;
  let date: Date;
  try {
    date = zonedValueToUtc(value, timeZone);
  } catch (error) {
    throw fieldError(field, error instanceof RangeError ? error.message : "Enter a valid date and time.");
  }
  if (date.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw fieldError(field, "That is in the future. Check the date, and that the time is in the incident's zone.");
  }
  // Past the future check only the lower bound is left: earlier years are typos (year 1, 0202).
  if (!isPlausibleInstant(date)) throw fieldError(field, `That is before ${PLAUSIBLE_YEARS.min}. Check the year.`);
  return date;
}
