import { z } from "zod";
import { singleLine } from "@/lib/validation";
import { severitySchema, titleSchema } from "@/lib/incidents/schema";
import { routingRulesSchema } from "@/lib/alerts/rules";

export const ALERT_FORMATS = ["AUTO", "ALERTMANAGER", "GRAFANA", "PAGERDUTY", "GENERIC"] as const;
export const AUTH_MODES = ["BEARER", "HMAC"] as const;
export const ALERT_STATUSES = ["FIRING", "ACKNOWLEDGED", "RESOLVED"] as const;
export const MAPPING_MAX = 10_000;
export const RULES_MAX = 20_000;

const id = z.string().min(1).max(64);
const sourceName = singleLine({ max: 80, required: "Name the source, such as “Production Alertmanager”.", tooLong: "Keep the name under 80 characters." });

export const createSourceSchema = z.object({
  teamId: id,
  name: sourceName,
  format: z.enum(ALERT_FORMATS, { message: "Choose a format." }).default("AUTO"),
  authMode: z.enum(AUTH_MODES, { message: "Choose how the source signs in." }).default("BEARER"),
});

const rulesText = z
  .string()
  .max(RULES_MAX, `Keep the rules under ${RULES_MAX.toLocaleString("en-US")} characters.`)
  .transform((text, ctx) => {
    try {
      return JSON.parse(text.trim() || "[]") as unknown;
    } catch (error) {
      ctx.addIssue({ code: "custom", message: `The rules are not valid JSON: ${error instanceof Error ? error.message : "parse error"}.` });
      return z.NEVER;
    }
  })
  .pipe(routingRulesSchema);

export const updateSourceSchema = z.object({
  teamId: id,
  sourceId: id,
  version: z.coerce.number().int().min(1),
  name: sourceName,
  format: z.enum(ALERT_FORMATS, { message: "Choose a format." }),
  authMode: z.enum(AUTH_MODES, { message: "Choose how the source signs in." }),
  mapping: z.string().max(MAPPING_MAX, `Keep the mapping under ${MAPPING_MAX.toLocaleString("en-US")} characters.`).default(""),
  rules: rulesText,
  enabled: z.union([z.literal("on"), z.literal("true"), z.literal("")]).optional().transform((v) => v === "on" || v === "true"),
});

export const sourceRefSchema = z.object({ teamId: id, sourceId: id });
export const previewMappingSchema = z.object({ teamId: id, sourceId: id, mapping: z.string().max(MAPPING_MAX) });

export const declareFromAlertSchema = z.object({
  teamId: id,
  alertId: id,
  title: titleSchema.optional(),
  severity: severitySchema.optional(),
});

export const attachAlertSchema = z.object({
  teamId: id,
  alertId: id,
  number: z.coerce.number({ message: "Enter an incident number." }).int("Enter an incident number.").min(1, "Enter an incident number."),
});

export const alertFiltersSchema = z.object({
  status: z.enum(ALERT_STATUSES).optional().catch(undefined),
  source: z
    .string()
    .max(64)
    .optional()
    .transform((v) => v || undefined)
    .catch(undefined),
  inbox: z.literal("1").optional().catch(undefined),
  after: z.string().max(300).optional().catch(undefined),
});
export type AlertFilters = z.infer<typeof alertFiltersSchema>;
