import { z } from "zod";
import { cleanSingleLine, isBlank, multiLine, singleLine } from "@/lib/validation";
import { timeZoneSchema } from "@/lib/time/zones";
import { ZONED_VALUE_PATTERN } from "@/lib/time/zoned";
import { LONG_TEXT, SEVERITIES, STATUSES, TITLE_MAX } from "@/lib/incidents/fields";

export const KEY_MOMENTS = ["startedAt", "detectedAt", "acknowledgedAt", "mitigatedAt", "resolvedAt"] as const;
export type KeyMoment = (typeof KEY_MOMENTS)[number];

export const severitySchema = z.enum(SEVERITIES, { message: "Choose a severity from SEV1 to SEV4." });
export const statusSchema = z.enum(STATUSES, { message: "Choose a status." });

/**
 * A time as the zoned time input sends it: a wall time read in the incident's zone, with the offset
 * that was chosen for it ("2024-11-03T01:15-05:00"), or the exact stored instant ("…Z") when the
 * input was left untouched. lib/time/zoned.ts gives it meaning.
 */
export const wallTimeSchema = z.string().trim().regex(ZONED_VALUE_PATTERN, "Enter a date (YYYY-MM-DD) and a 24-hour time (HH:MM).");

/** Empty means "not set" for optional moments. */
const optionalWallTime = z.union([z.literal("").transform(() => null), wallTimeSchema]);

export const SERVICE_NAME_MAX = 60;
export const SEVERITY_DESCRIPTION_MAX = 300;
const longText = (label: string) => multiLine({ max: LONG_TEXT, tooLong: `${label} is too long: keep it under ${LONG_TEXT.toLocaleString("en-US")} characters.` });

export const titleSchema = singleLine({ max: TITLE_MAX, required: "Give the incident a title.", tooLong: "Keep the title under 200 characters." });

const serviceNames = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(",")))
  .transform((names) => [...new Set(names.map(cleanSingleLine).filter((n) => !isBlank(n)))])
  .pipe(z.array(z.string().max(SERVICE_NAME_MAX, "Service names are at most 60 characters.")).max(20, "At most 20 services per incident."));

export const declareIncidentSchema = z.object({
  teamId: z.string().min(1),
  title: titleSchema,
  severity: severitySchema.default("SEV3"),
  summary: longText("The summary").optional(),
  timeZone: z.union([z.literal("").transform(() => undefined), timeZoneSchema]).optional(),
  startedAt: optionalWallTime.optional(),
  detectedAt: optionalWallTime.optional(),
  services: serviceNames.optional(),
});
export type DeclareIncidentInput = z.input<typeof declareIncidentSchema>;

const percentage = z.union([
  z.literal("").transform(() => null),
  z.coerce
    .number({ message: "Enter a number from 0 to 100." })
    .int("Use a whole percentage.")
    .min(0, "Enter a number from 0 to 100.")
    .max(100, "Enter a number from 0 to 100."),
]);

/** A partial edit: only the keys present are changed. `version` is the one the editor started from. */
export const updateIncidentSchema = z.object({
  teamId: z.string().min(1),
  incidentId: z.string().min(1),
  version: z.coerce.number().int().min(1),
  title: titleSchema.optional(),
  summary: longText("The summary").optional(),
  severity: severitySchema.optional(),
  status: statusSchema.optional(),
  commanderId: z.union([z.literal("").transform(() => null), z.string().min(1)]).optional(),
  impact: longText("The impact statement").optional(),
  usersAffectedPct: percentage.optional(),
  rootCause: longText("The root cause").optional(),
  resolution: longText("The resolution").optional(),
  timeZone: timeZoneSchema.optional(),
  services: serviceNames.optional(),
  startedAt: wallTimeSchema.optional(),
  detectedAt: optionalWallTime.optional(),
  acknowledgedAt: optionalWallTime.optional(),
  mitigatedAt: optionalWallTime.optional(),
  resolvedAt: optionalWallTime.optional(),
});
export type UpdateIncidentInput = z.input<typeof updateIncidentSchema>;

export const SORTS = ["started", "updated"] as const;

/** The list's filters, as they live in the URL. Unknown or malformed values are dropped, not errors. */
export const incidentFiltersSchema = z.object({
  status: z.array(statusSchema).catch([]).default([]),
  severity: z.array(severitySchema).catch([]).default([]),
  service: z.string().transform(cleanSingleLine).pipe(z.string().max(60)).optional().catch(undefined),
  commander: z.string().transform(cleanSingleLine).pipe(z.string().max(64)).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  q: z.string().transform(cleanSingleLine).pipe(z.string().max(200)).optional().catch(undefined),
  sort: z.enum(SORTS).default("started").catch("started"),
  after: z.string().max(300).optional().catch(undefined),
});
export type IncidentFilters = z.infer<typeof incidentFiltersSchema>;
