import { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";
import { BIDI_CONTROLS, closeBidiRuns } from "@/lib/bidi";
import { PLAUSIBLE_YEARS } from "@/lib/plausible-years";

/** Parses input with a zod schema, or throws a VALIDATION AppError carrying field messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (fields[key] ??= []).push(issue.message);
  }
  throw new AppError("VALIDATION", "Please correct the highlighted fields.", fields);
}

/** FormData to a plain object; repeated keys become arrays. */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

// C0 and C1 control characters. PostgreSQL cannot store NUL at all; the others are invisible
// terminal debris (colour codes, bells) that would only confuse readers.
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g;
const CONTROLS_BUT_TAB_NEWLINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Characters that take no room on screen: zero-width spaces and joiners, bidi controls, BOM,
// soft hyphen. Kept inside text (emoji and some scripts need them) but never count as content.
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/g;

/**
 * Text as PostgreSQL can store it: well-formed UTF-16 (lone surrogates become U+FFFD), no control
 * characters, and no right-to-left override left open to spill into what is shown after it.
 */
export function cleanSingleLine(text: string): string {
  return closeBidiRuns(text.toWellFormed().replace(/\r\n|[\r\n\t]/g, " ").replace(CONTROLS, "").trim());
}

/** As cleanSingleLine, keeping tabs and newlines (CRLF and CR become LF). */
export function cleanMultiLine(text: string): string {
  return closeBidiRuns(text.toWellFormed().replace(/\r\n?/g, "\n").replace(CONTROLS_BUT_TAB_NEWLINE, "").trim());
}

/** Text kept exactly as written (no trimming) except for what PostgreSQL cannot or should not store. */
export function withoutControlCharacters(text: string): string {
  return closeBidiRuns(text.toWellFormed().replace(CONTROLS_BUT_TAB_NEWLINE, ""));
}

/** True when nothing a reader could see is left once whitespace and invisible characters are gone. */
export function isBlank(text: string): boolean {
  return text.replace(INVISIBLE, "").replace(CONTROLS, "").trim() === "";
}

type TextRule = {
  max: number;
  /** The message when the field is required and blank; omit for optional fields. */
  required?: string;
  /** The message when the text is longer than max (counted after cleaning, bidi controls left out). */
  tooLong?: string;
};

const tooLongMessage = (max: number) => `Keep it under ${max.toLocaleString("en-US")} characters.`;

function textSchema(clean: (text: string) => string, { max, required, tooLong }: TextRule) {
  return z
    .string()
    .transform(clean)
    .superRefine((text, ctx) => {
      if (required && isBlank(text)) ctx.addIssue({ code: "custom", message: required });
      // Bidi controls take no room, and cleaning may have added closing ones: they do not count.
      else if (text.replace(BIDI_CONTROLS, "").length > max) ctx.addIssue({ code: "custom", message: tooLong ?? tooLongMessage(max) });
    });
}

/**
 * A one-line text field (titles, names, keys): newlines and tabs become spaces, control
 * characters are stripped, and a required field that is blank or only invisible characters is refused.
 */
export const singleLine = (rule: TextRule) => textSchema(cleanSingleLine, rule);

/** A multi-line text field (Markdown bodies): tabs and newlines kept, other control characters stripped. */
export const multiLine = (rule: TextRule) => textSchema(cleanMultiLine, rule);

export const IMPLAUSIBLE_DATE_MESSAGE = `Enter a date between ${PLAUSIBLE_YEARS.min} and ${PLAUSIBLE_YEARS.max}.`;

export function isPlausibleYear(year: number): boolean {
  return Number.isInteger(year) && year >= PLAUSIBLE_YEARS.min && year <= PLAUSIBLE_YEARS.max;
}

/** For callers holding an instant (parsed wall times): true when its UTC year is plausible. */
export function isPlausibleInstant(instant: Date): boolean {
  return !Number.isNaN(instant.getTime()) && isPlausibleYear(instant.getUTCFullYear());
}

/** A calendar date (YYYY-MM-DD) within the plausible years. */
export const plausibleDate = (message = "Enter a date.") =>
  z.iso.date({ message }).refine((date) => isPlausibleYear(Number(date.slice(0, 4))), IMPLAUSIBLE_DATE_MESSAGE);
