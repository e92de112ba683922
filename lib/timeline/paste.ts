import { Temporal } from "temporal-polyfill";
import { offsetName, zonedValueToUtc } from "@/lib/time/zoned";
import { PLAUSIBLE_YEARS } from "@/lib/plausible-years";

/** One event read from a pasted block, with the instant it names and how it was read. */
export type PastedEvent = {
  /** 1-based line of the block where the event starts. */
  line: number;
  at: Date;
  /** "2023-10-15 08:03" (seconds when given) in the incident's zone, and its offset there. */
  wall: string;
  offset: string;
  body: string;
  /** The date was not written on this line and the clock went backwards by more than half a day. */
  nextDay: boolean;
};

export type PasteProblem = { line: number; message: string };
export type PasteResult = { events: PastedEvent[]; problems: PasteProblem[] };

/** The most lines one paste may turn into events (a day of chat is far fewer). */
export const PASTE_MAX_EVENTS = 500;

// [bullet] [date] time [am/pm] [zone] [separator] text, e.g. "- 2017-01-31 23:27:05 UTC: paged".
const LINE = new RegExp(
  [
    String.raw`^\s*(?:[-*•·>]\s*)?\[?`,
    String.raw`(?:(?<date>\d{4}[-/.]\d{1,2}[-/.]\d{1,2})[T\s,]\s*)?`,
    String.raw`(?<h>\d{1,2}):(?<m>\d{2})(?::(?<s>\d{2}))?`,
    String.raw`(?:\s*(?<ampm>[AaPp]\.?[Mm]\.?)(?![A-Za-z]))?`,
    String.raw`(?:\s*\(?\s*(?<zone>Z|(?:UTC|GMT)(?:\s*[+-−]\s*\d{1,2}(?::?\d{2})?)?|[+-−]\d{2}:?\d{2})\s*\)?)?`,
    String.raw`\]?(?:\s*[-–—:|>]\s*|\s+|$)(?<body>.*)$`,
  ].join(""),
);

const ZONE_OFFSET = /^(?:UTC|GMT)?\s*([+-−])\s*(\d{1,2})(?::?(\d{2}))?$/;

/** "GMT+2", "UTC-05:30", "+0200" and "Z" as the "+02:00" suffix of an ISO instant. */
function offsetOf(zone: string): string | null {
  const compact = zone.replace(/\s+/g, "").toUpperCase();
  if (compact === "Z" || compact === "UTC" || compact === "GMT") return "+00:00";
  const match = ZONE_OFFSET.exec(compact);
  if (!match) return null;
  const [, sign, hours = "", minutes = "00"] = match;
  if (Number(hours) > 14 || Number(minutes) > 59) return null;
  return `${sign === "+" ? "+" : "-"}${hours.padStart(2, "0")}:${minutes}`;
}

function plainDate(text: string): Temporal.PlainDate | null {
  const [y = 0, m = 0, d = 0] = text.split(/[-/.]/).map(Number);
  try {
    return Temporal.PlainDate.from({ year: y, month: m, day: d }, { overflow: "reject" });
  } catch {
    return null;
  }
}

function hour24(h: number, ampm: string | undefined): number | null {
  if (!ampm) return h <= 23 ? h : null;
  if (h < 1 || h > 12) return null;
  const pm = ampm.toLowerCase().startsWith("p");
  return (h % 12) + (pm ? 12 : 0);
}

/**
 * Reads a block of notes or chat into timeline events: one event per line that starts with a time
 * ("08:03 alert fired", "2017-01-31 23:27 UTC paged", "[8:05 AM GMT+2] rollback"). A line without
 * a time continues the event above. Times without a date take the last date written, starting at
 * `day`; a clock going backwards by more than twelve hours is read as the next day. Times without
 * a zone are read in the incident's zone; a repeated hour then needs its offset written.
 */
export function parsePastedTimeline(text: string, day: string, timeZone: string): PasteResult {
  const events: PastedEvent[] = [];
  const problems: PasteProblem[] = [];
  let date = plainDate(day);
  let previousWall: Temporal.PlainDateTime | null = null;
  let open: PastedEvent | null = null;
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim()) return;
    const match = LINE.exec(raw);
    const groups = match?.groups;
    const hour = groups ? hour24(Number(groups.h), groups.ampm) : null;
    if (groups && (hour === null || Number(groups.m) > 59 || Number(groups.s ?? 0) > 59)) {
      open = null;
      problems.push({ line, message: `Line ${line}: ${raw.trim().split(/\s+/)[0]} is not a valid time.` });
      return;
    }
    if (!groups || hour === null) {
      // A line without a time continues the event above; after a refused line it goes with it.
      if (open) open.body = `${open.body}\n${raw.trim()}`;
      else if (events.length === 0 && problems.length === 0) problems.push({ line, message: `Line ${line} does not start with a time (HH:MM).` });
      return;
    }
    open = null;
    const body = (groups.body ?? "").trim();
    if (!body) {
      problems.push({ line, message: `Line ${line} has a time but says nothing after it.` });
      return;
    }
    const written = groups.date ? plainDate(groups.date) : null;
    if (groups.date && !written) {
      problems.push({ line, message: `Line ${line}: ${groups.date} is not a date.` });
      return;
    }
    if (written) date = written;
    if (!date) {
      problems.push({ line, message: `Line ${line} has no date: write one on the first line (YYYY-MM-DD HH:MM) or choose the day above.` });
      return;
    }
    let wall = date.toPlainDateTime({ hour, minute: Number(groups.m), second: Number(groups.s ?? 0) });
    let nextDay = false;
    if (!written && previousWall && Temporal.PlainDateTime.compare(wall, previousWall.subtract({ hours: 12 })) < 0) {
      wall = wall.add({ days: 1 });
      date = wall.toPlainDate();
      nextDay = true;
    }
    previousWall = wall;
    const wallText = wall.toString({ smallestUnit: groups.s ? "second" : "minute" });
    const offset = groups.zone ? offsetOf(groups.zone) : null;
    if (groups.zone && !offset) {
      problems.push({ line, message: `Line ${line}: ${groups.zone} is not an offset (write UTC, GMT+2 or +02:00).` });
      return;
    }
    let at: Date;
    try {
      at = offset ? new Date(Temporal.Instant.from(`${wallText}${offset}`).epochMilliseconds) : zonedValueToUtc(wallText, timeZone);
    } catch (error) {
      problems.push({ line, message: `Line ${line}: ${error instanceof RangeError ? error.message : "not a valid time."}` });
      return;
    }
    // A year too far ahead is refused as in the future (by the server, whose clock counts).
    if (at.getUTCFullYear() < PLAUSIBLE_YEARS.min) {
      problems.push({ line, message: `Line ${line} is before ${PLAUSIBLE_YEARS.min}: check its year.` });
      return;
    }
    if (events.length >= PASTE_MAX_EVENTS) {
      problems.push({ line, message: `At most ${PASTE_MAX_EVENTS} events at once: paste the rest separately.` });
      return;
    }
    const shown = Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone).toPlainDateTime();
    open = {
      line,
      at,
      wall: shown.toString({ smallestUnit: groups.s ? "second" : "minute" }).replace("T", " "),
      offset: offsetName(at, timeZone),
      body,
      nextDay,
    };
    events.push(open);
  });
  return { events, problems };
}
