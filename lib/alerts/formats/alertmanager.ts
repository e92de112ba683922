import { z } from "zod";
import { createHash } from "node:crypto";
import { AlertShapeError, cleanKey, cleanTitle, httpUrl, parseTime, stringMap, type AlertLink, type NormalizedAlert, type ParsedDelivery } from "@/lib/alerts/formats/normalized";

const status = z.enum(["firing", "resolved"]);
const alertSchema = z.object({
  status: status.optional(),
  labels: z.record(z.string(), z.unknown()).default({}),
  annotations: z.record(z.string(), z.unknown()).default({}),
  startsAt: z.string().optional(),
  endsAt: z.string().optional(),
  generatorURL: z.string().optional(),
  fingerprint: z.string().optional(),
  // Grafana's additions.
  silenceURL: z.string().optional(),
  dashboardURL: z.string().optional(),
  panelURL: z.string().optional(),
  imageURL: z.string().optional(),
  values: z.record(z.string(), z.unknown()).nullish(),
});

/** Alertmanager webhook v4 (https://prometheus.io/docs/alerting/latest/configuration/#webhook_config) and Grafana's superset of it. */
export const alertmanagerSchema = z.object({
  version: z.string().optional(),
  groupKey: z.string().optional(),
  truncatedAlerts: z.number().int().min(0).optional(),
  status: status.optional(),
  receiver: z.string().optional(),
  groupLabels: z.record(z.string(), z.unknown()).optional(),
  commonLabels: z.record(z.string(), z.unknown()).optional(),
  externalURL: z.string().optional(),
  orgId: z.number().optional(),
  alerts: z.array(alertSchema).max(1000),
});

export const looksLikeAlertmanager = (body: Record<string, unknown>) => Array.isArray(body.alerts) && ("groupKey" in body || body.version === "4");
export const looksLikeGrafana = (body: Record<string, unknown>) => Array.isArray(body.alerts) && "orgId" in body;

function fingerprintOf(labels: Record<string, string>): string {
  const sorted = Object.keys(labels).sort().map((k) => `${k}=${labels[k]}`).join("\u0000");
  return createHash("sha256").update(sorted).digest("hex").slice(0, 16);
}

function grafanaLinks(alert: z.infer<typeof alertSchema>): AlertLink[] {
  const candidates: [string | undefined, string][] = [
    [alert.dashboardURL, "Dashboard"],
    [alert.panelURL, "Panel"],
    [alert.silenceURL, "Silence"],
    [alert.imageURL, "Image"],
  ];
  return candidates.flatMap(([href, text]) => {
    const url = httpUrl(href);
    return url ? [{ href: url, text }] : [];
  });
}

export function parseAlertmanager(body: unknown, grafana: boolean): ParsedDelivery {
  const parsed = alertmanagerSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AlertShapeError(`Not an ${grafana ? "Grafana" : "Alertmanager"} webhook: ${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}.`);
  }
  const payload = parsed.data;
  const groupKey = payload.groupKey ? cleanKey(payload.groupKey) : null;
  const alerts = payload.alerts.map((alert): NormalizedAlert => {
    const labels = stringMap(alert.labels);
    const annotations = stringMap(alert.annotations);
    if (alert.values) annotations.values = Object.entries(alert.values).map(([k, v]) => `${k}=${String(v)}`).join(", ");
    const generatorURL = httpUrl(alert.generatorURL);
    return {
      dedupKey: cleanKey(alert.fingerprint || fingerprintOf(labels)),
      status: alert.status ?? payload.status ?? "firing",
      title: cleanTitle(annotations.summary || annotations.title || labels.alertname || "Alert"),
      severity: labels.severity ?? "",
      labels,
      annotations,
      links: [...(generatorURL ? [{ href: generatorURL, text: "Source" }] : []), ...grafanaLinks(alert)],
      startsAt: parseTime(alert.startsAt),
      endsAt: parseTime(alert.endsAt),
      generatorURL,
      groupKey,
      described: true,
      raw: alert,
    };
  });
  return { format: grafana ? "GRAFANA" : "ALERTMANAGER", alerts, truncated: payload.truncatedAlerts ?? 0 };
}
