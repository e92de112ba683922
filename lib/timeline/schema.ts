import { z } from "zod";
import { multiLine, plausibleDate } from "@/lib/validation";
import { wallTimeSchema } from "@/lib/incidents/schema";
import { BODY_MAX, PASTE_BLOCK_MAX, USER_KINDS } from "@/lib/timeline/fields";

/** An event's text, wherever it comes from (typed, edited or one line of a pasted block). */
export const eventBodySchema = multiLine({ max: BODY_MAX, required: "Write what happened.", tooLong: `Keep an event under ${BODY_MAX.toLocaleString("en-US")} characters.` });

const kind = z.enum(USER_KINDS, { message: "Choose what kind of event this is." });

const optionalTime = z.union([z.literal("").transform(() => undefined), wallTimeSchema]).optional();

const checkbox = z.union([z.literal("on"), z.literal("true"), z.boolean()]).optional().transform((v) => v === true || v === "on" || v === "true");

export const addEventSchema = z.object({
  teamId: z.string().min(1),
  incidentId: z.string().min(1),
  kind: kind.default("NOTE"),
  body: eventBodySchema,
  occurredAt: optionalTime,
  starred: checkbox,
});

export const editEventSchema = z.object({
  teamId: z.string().min(1),
  eventId: z.string().min(1),
  version: z.coerce.number().int().min(1),
  kind,
  body: eventBodySchema,
  occurredAt: wallTimeSchema,
});

export const eventRefSchema = z.object({ teamId: z.string().min(1), eventId: z.string().min(1) });

export const starEventSchema = eventRefSchema.extend({ starred: checkbox });
export const internalEventSchema = eventRefSchema.extend({ internal: checkbox });

/** A block of notes pasted to back-fill a timeline; `day` is the date for lines that carry none. */
export const pasteEventsSchema = z.object({
  teamId: z.string().min(1),
  incidentId: z.string().min(1),
  kind: kind.default("NOTE"),
  day: z.union([z.literal("").transform(() => undefined), plausibleDate("Enter the day as YYYY-MM-DD.")]).optional(),
  block: multiLine({ max: PASTE_BLOCK_MAX, required: "Paste the lines to add.", tooLong: `Paste at most ${PASTE_BLOCK_MAX.toLocaleString("en-US")} characters at once.` }),
});
