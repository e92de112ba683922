import type { IncidentStatus, Severity } from "@/lib/generated/prisma/enums";

export const STATUS_LABEL: Record<IncidentStatus, string> = {
  INVESTIGATING: "Investigating",
  IDENTIFIED: "Identified",
  MONITORING: "Monitoring",
  RESOLVED: "Resolved",
};

export const DEFAULT_SEVERITY_DESCRIPTION: Record<Severity, string> = {
  SEV1: "Critical: most users cannot use the product, or data is at risk.",
  SEV2: "Major: a core feature is down or badly degraded for many users.",
  SEV3: "Minor: a feature is degraded for some users; a workaround exists.",
  SEV4: "Low: cosmetic or internal impact; no customer-facing harm.",
};

export const formatIncidentNumber = (n: number) => `INC-${n}`;
