import { Temporal } from "temporal-polyfill";
import { offsetName, offsetSuffix, parseZonedValue, wallTimeInstants } from "@/lib/time/zoned";

/**
 * What someone types into a time input, read the way a 24-hour clock reads: "0803", "8:03",
 * "08.03", "08:03:15", optionally followed by the offset that picks a repeated hour ("01:15 GMT-5",
 * "01:15-05:00"). Returns null for anything else (12-hour "8:03 PM" included: the input is 24-hour).
 */
const TIME = /^(\d{1,2})[:.h]?(\d{2})(?::(\d{2}))?\s*(?:(?:GMT|UTC)\s*([+-−])\s*(\d{1,2})(?::?(\d{2}))?|([+-−])(\d{2}):?(\d{2}))?$/i;

export type TypedTime = { clock: string; offset: string | null };

export function readTypedTime(text: string): TypedTime | null {
  const m = TIME.exec(text.trim());
  if (!m) return null;
  const [, h = "", min = "", sec, sign1, oh1, om1, sign2, oh2, om2] = m;
  if (Number(h) > 23 || Number(min) > 59 || (sec !== undefined && Number(sec) > 59)) return null;
  const clock = `${h.padStart(2, "0")}:${min}${sec !== undefined ? `:${sec}` : ""}`;
  const sign = sign1 ?? sign2;
  const offset = sign ? `${sign === "+" ? "+" : "-"}${(oh1 ?? oh2 ?? "").padStart(2, "0")}:${om1 ?? om2 ?? "00"}` : null;
  return { clock, offset };
}

/** "2023-10-15", "2023/10/15" or "20231015" as an ISO date; null when it is not a calendar date. */
export function readTypedDate(text: string): string | null {
  const m = /^(\d{4})[-/.]?(\d{1,2})[-/.]?(\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  try {
    return Temporal.PlainDate.from({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, { overflow: "reject" }).toString();
  } catch {
    return null;
  }
}

/** One of the instants a typed wall time can name, as the input offers it ("01:15 GMT-4"). */
export type TimeOption = { value: string; label: string; offset: string };

export type Entry =
  | { state: "empty"; value: "" }
  | { state: "invalid"; value: string; message: string }
  | { state: "skipped"; value: string; message: string }
  | { state: "ambiguous"; value: string; options: [TimeOption, TimeOption]; chosen: TimeOption | null; date: string }
  | { state: "ok"; value: string; offsetName: string; date: string };

/**
 * What a date field and a time field say together, in a zone, and the value the form submits: the
 * wall time with its offset, so the server stores exactly the instant that was shown. A repeated
 * hour needs a choice (or a typed offset); without one the bare wall time goes up and the server
 * refuses it with the same explanation.
 */
export function readEntry(dateText: string, timeText: string, timeZone: string, fallbackDay: string, choice: string | null): Entry {
  if (!dateText.trim() && !timeText.trim()) return { state: "empty", value: "" };
  const date = dateText.trim() ? readTypedDate(dateText) : fallbackDay;
  const time = readTypedTime(timeText);
  const raw = `${dateText.trim() || fallbackDay}T${timeText.trim()}`;
  if (!date) return { state: "invalid", value: raw, message: "Enter the date as YYYY-MM-DD." };
  if (!time) return { state: "invalid", value: raw, message: "Enter a 24-hour time as HH:MM." };
  const wall = `${date}T${time.clock}`;
  const instants = wallTimeInstants(wall, timeZone);
  if (instants.length === 0) return { state: "skipped", value: wall, message: `${time.clock} did not happen on ${date} in ${timeZone}: the clocks skipped that hour.` };
  const options = instants.map((at) => ({ value: `${wall}${offsetSuffix(at, timeZone)}`, label: `${time.clock.slice(0, 5)} ${offsetName(at, timeZone)}`, offset: offsetSuffix(at, timeZone) }));
  const wanted = time.offset ?? choice;
  const [first, second] = options;
  if (!first) return { state: "invalid", value: raw, message: "Enter a 24-hour time as HH:MM." };
  if (!second) {
    if (time.offset && time.offset !== first.offset) return { state: "invalid", value: `${wall}${time.offset}`, message: `${timeZone} was at ${offsetName(instants[0] ?? new Date(), timeZone)} then, not ${time.offset}.` };
    return { state: "ok", value: first.value, offsetName: offsetName(instants[0] ?? new Date(), timeZone), date };
  }
  const chosen = options.find((o) => o.offset === wanted) ?? null;
  return { state: "ambiguous", value: chosen?.value ?? wall, options: [first, second], chosen, date };
}

/** The date and time fields a stored or submitted value fills, in the zone, and the offset it had. */
export function entryFields(value: string | null | undefined, timeZone: string): { date: string; time: string; offset: string | null } {
  const parsed = value ? parseZonedValue(value) : null;
  if (!value || !parsed) return { date: "", time: "", offset: null };
  if (parsed.offset !== "Z") {
    const clock = parsed.wall.slice(11, 19);
    return { date: parsed.wall.slice(0, 10), time: clock.length === 8 && clock.endsWith(":00") ? clock.slice(0, 5) : clock, offset: parsed.offset };
  }
  const zoned = Temporal.Instant.from(value).toZonedDateTimeISO(timeZone);
  const clock = zoned.toPlainTime().toString({ smallestUnit: zoned.second ? "second" : "minute" });
  return { date: zoned.toPlainDate().toString(), time: clock, offset: zoned.offset };
}
