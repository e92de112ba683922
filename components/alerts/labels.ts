import type { AlertFormat, AlertStatus } from "@/lib/generated/prisma/enums";

export const FORMAT_LABEL: Record<AlertFormat, string> = {
  AUTO: "Detect automatically",
  ALERTMANAGER: "Prometheus Alertmanager",
  GRAFANA: "Grafana alerting",
  PAGERDUTY: "PagerDuty Events API v2",
  GENERIC: "Generic JSON (mapping)",
};

export const ALERT_STATUS_LABEL: Record<AlertStatus, string> = { FIRING: "Firing", ACKNOWLEDGED: "Acknowledged", RESOLVED: "Resolved" };

export const alertEndpoint = (origin: string, sourceId: string) => `${origin}/api/alerts/${sourceId}`;
