import { AppError } from "@/lib/errors";
import { wallTimeToUtc } from "@/lib/time/zoned";

/** How far ahead of the server's clock a time may be before it is refused as a typo. */
export const FUTURE_TOLERANCE_MS = 60 * 60 * 1000;

/** Converts a wall time typed in the incident's zone, naming the field when it cannot. */
export function zonedFieldToUtc(field: string, wall: string, timeZone: string, now = new Date()): Date {
  let date: Date;
  try {
    date = wallTimeToUtc(wall, timeZone);
  } catch (error) {
    const message = error instanceof RangeError ? error.message : "Enter a valid date and time.";
    throw new AppError("VALIDATION", "Please correct the highlighted fields.", { [field]: [message] });
  }
  if (date.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new AppError("VALIDATION", "Please correct the highlighted fields.", {
      [field]: ["That is in the future. Check the date, and that the time is in the incident's zone."],
    });
  }
  return date;
}
