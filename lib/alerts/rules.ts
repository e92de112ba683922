import { z } from "zod";
import { severitySchema, SERVICE_NAME_MAX } from "@/lib/incidents/schema";
import { TITLE_MAX } from "@/lib/incidents/fields";
import type { Severity } from "@/lib/generated/prisma/enums";
import type { NormalizedAlert } from "@/lib/alerts/formats/normalized";

const conditionSchema = z
  .object({
    field: z.string().trim().min(1, "Name a field, such as labels.severity.").max(100),
    op: z.enum(["equals", "matches"]).default("equals"),
    value: z.string().max(500, "Keep the value under 500 characters."),
  })
  .superRefine((condition, ctx) => {
    if (condition.op !== "matches") return;
    try {
      new RegExp(condition.value);
    } catch {
      ctx.addIssue({ code: "custom", path: ["value"], message: `"${condition.value}" is not a valid regular expression.` });
    }
  });

const when = z.array(conditionSchema).max(20).default([]);

export const routingRuleSchema = z.discriminatedUnion(
  "action",
  [
    z.object({
      action: z.literal("declare"),
      when,
      /** "{{labels.service}} is down"; defaults to the alert's title. */
      title: z.string().max(TITLE_MAX).optional(),
      severity: severitySchema.optional(),
      services: z.array(z.string().trim().min(1).max(SERVICE_NAME_MAX)).max(20).default([]),
      commanderId: z.string().min(1).optional(),
    }),
    z.object({
      action: z.literal("attach"),
      when,
      /** The label naming the service whose open incident the alert joins. */
      serviceLabel: z.string().trim().min(1).max(100).default("service"),
    }),
    z.object({ action: z.literal("triage"), when }),
  ],
  { message: 'Each rule needs an action: "declare", "attach" or "triage".' },
);

export const routingRulesSchema = z.array(routingRuleSchema).max(50, "At most 50 rules per source.");
export type RoutingRule = z.infer<typeof routingRuleSchema>;

/** A new source declares an incident for every alert until an admin says otherwise. */
export const DEFAULT_RULES: RoutingRule[] = [{ action: "declare", when: [], services: [] }];

/** Reads a dotted path (title, severity, status, dedupKey, labels.x, annotations.x) from an alert. */
export function alertField(alert: NormalizedAlert, sourceName: string, path: string): string | undefined {
  const [head, ...rest] = path.split(".");
  const key = rest.join(".");
  switch (head) {
    case "labels":
      return alert.labels[key];
    case "annotations":
      return alert.annotations[key];
    case "title":
      return alert.title;
    case "severity":
      return alert.severity;
    case "status":
      return alert.status;
    case "dedupKey":
      return alert.dedupKey;
    case "source":
      return sourceName;
    default:
      return undefined;
  }
}

function matches(rule: RoutingRule, alert: NormalizedAlert, sourceName: string): boolean {
  return rule.when.every((condition) => {
    const value = alertField(alert, sourceName, condition.field);
    if (value === undefined) return false;
    if (condition.op === "equals") return value === condition.value;
    try {
      return new RegExp(condition.value).test(value);
    } catch {
      return false;
    }
  });
}

/** Ordered, first match wins; no match leaves the alert in the triage inbox. */
export function firstMatchingRule(rules: RoutingRule[], alert: NormalizedAlert, sourceName: string): RoutingRule {
  return rules.find((rule) => matches(rule, alert, sourceName)) ?? { action: "triage", when: [] };
}

/** Stored rules as the app reads them; rules that no longer parse are skipped rather than crash intake. */
export function readRules(stored: unknown): RoutingRule[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((rule) => {
    const parsed = routingRuleSchema.safeParse(rule);
    return parsed.success ? [parsed.data] : [];
  });
}

/** "{{labels.service}} down" with the alert's values; unknown names become empty. */
export function renderTitle(template: string, alert: NormalizedAlert, sourceName: string): string {
  return template.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (_, path: string) => alertField(alert, sourceName, path) ?? "");
}

const SEVERITY_BY_NAME: Record<string, Severity> = {
  critical: "SEV1",
  page: "SEV1",
  error: "SEV2",
  high: "SEV2",
  major: "SEV2",
  warning: "SEV3",
  warn: "SEV3",
  minor: "SEV3",
  info: "SEV4",
  low: "SEV4",
};

/** The monitoring system's severity word as ours; SEV3 when it says nothing we know. */
export function incidentSeverity(alertSeverity: string): Severity {
  const word = alertSeverity.trim().toLowerCase();
  const ours = severitySchema.safeParse(word.toUpperCase());
  if (ours.success) return ours.data;
  return SEVERITY_BY_NAME[word] ?? "SEV3";
}
