import type { AlertFormat } from "@/lib/generated/prisma/enums";
import { AlertShapeError, type ParsedDelivery } from "@/lib/alerts/formats/normalized";
import { looksLikeAlertmanager, looksLikeGrafana, parseAlertmanager } from "@/lib/alerts/formats/alertmanager";
import { looksLikePagerDuty, parsePagerDuty } from "@/lib/alerts/formats/pagerduty";
import { parseGeneric } from "@/lib/alerts/formats/generic";

/** The format a body is in, for sources set to AUTO; generic only when a mapping exists. */
export function detectFormat(body: Record<string, unknown>, mapping: string): Exclude<AlertFormat, "AUTO"> {
  if (looksLikeGrafana(body)) return "GRAFANA";
  if (looksLikeAlertmanager(body)) return "ALERTMANAGER";
  if (looksLikePagerDuty(body)) return "PAGERDUTY";
  if (mapping.trim()) return "GENERIC";
  throw new AlertShapeError("Unrecognised body: expected an Alertmanager or Grafana webhook (alerts[], groupKey/orgId) or a PagerDuty Events API v2 event (event_action); other JSON needs a mapping on the source.");
}

/** Reads a parsed JSON body as alerts in the source's format. Throws AlertShapeError with a sender-readable message. */
export async function parseAlerts(body: unknown, source: { format: AlertFormat; mapping: string }, deliveryId: string): Promise<ParsedDelivery> {
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    if (source.format !== "GENERIC") throw new AlertShapeError("Expected a JSON object.");
  }
  const format = source.format === "AUTO" ? detectFormat(body as Record<string, unknown>, source.mapping) : source.format;
  switch (format) {
    case "ALERTMANAGER":
      return parseAlertmanager(body, false);
    case "GRAFANA":
      return parseAlertmanager(body, true);
    case "PAGERDUTY":
      return parsePagerDuty(body, deliveryId);
    case "GENERIC":
      return parseGeneric(body, source.mapping);
  }
}
