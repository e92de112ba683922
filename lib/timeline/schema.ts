import { z } from "zod";
import { wallTimeSchema } from "@/lib/incidents/schema";

export const USER_KINDS = ["DETECTION", "ACTION", "INVESTIGATION", "DEAD_END", "ESCALATION", "MITIGATION", "RESOLUTION", "COMMUNICATION", "NOTE"] as const;
export type UserKind = (typeof USER_KINDS)[number];

export const BODY_MAX = 20_000;

const body = z
  .string()
  .trim()
  .min(1, "Write what happened.")
  .max(BODY_MAX, `Keep an event under ${BODY_MAX.toLocaleString("en-US")} characters.`);

const kind = z.enum(USER_KINDS, { message: "Choose what kind of event this is." });

const optionalTime = z.union([z.literal("").transform(() => undefined), wallTimeSchema]).optional();

const checkbox = z.union([z.literal("on"), z.literal("true"), z.boolean()]).optional().transform((v) => v === true || v === "on" || v === "true");

export const addEventSchema = z.object({
  teamId: z.string().min(1),
  incidentId: z.string().min(1),
  kind: kind.default("NOTE"),
  body,
  occurredAt: optionalTime,
  starred: checkbox,
});

export const editEventSchema = z.object({
  teamId: z.string().min(1),
  eventId: z.string().min(1),
  version: z.coerce.number().int().min(1),
  kind,
  body,
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
  day: z.union([z.literal("").transform(() => undefined), z.iso.date({ message: "Enter the day as YYYY-MM-DD." })]).optional(),
  block: z.string().trim().min(1, "Paste the lines to add.").max(200_000, "Paste at most 200,000 characters at once."),
});
