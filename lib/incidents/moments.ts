import { AppError } from "@/lib/errors";
import type { IncidentStatus } from "@/lib/generated/prisma/enums";
import type { KeyMoment } from "@/lib/incidents/schema";

export type Moments = { startedAt: Date } & Record<Exclude<KeyMoment, "startedAt">, Date | null>;

export type MomentWarning = { field: KeyMoment; message: string };

const invalid = (field: KeyMoment, message: string) =>
  new AppError("VALIDATION", "Please correct the highlighted fields.", { [field]: [message] });

/**
 * Impossible orders are refused (resolved or mitigated before impact began). Orders that clock
 * drift can explain — detected before it started — are allowed with a warning.
 */
export function checkMoments(m: Moments): MomentWarning[] {
  const started = m.startedAt.getTime();
  if (m.resolvedAt && m.resolvedAt.getTime() < started) throw invalid("resolvedAt", "Resolution cannot be before the impact started.");
  if (m.mitigatedAt && m.mitigatedAt.getTime() < started) throw invalid("mitigatedAt", "Mitigation cannot be before the impact started.");
  if (m.resolvedAt && m.mitigatedAt && m.mitigatedAt > m.resolvedAt) throw invalid("mitigatedAt", "Mitigation cannot be after resolution.");
  const warnings: MomentWarning[] = [];
  if (m.detectedAt && m.detectedAt.getTime() < started) {
    warnings.push({ field: "detectedAt", message: "Detected before the impact started: saved, but check the clocks." });
  }
  if (m.acknowledgedAt && m.detectedAt && m.acknowledgedAt < m.detectedAt) {
    warnings.push({ field: "acknowledgedAt", message: "Acknowledged before it was detected: saved, but check the clocks." });
  }
  return warnings;
}

/** A resolution time and the status say the same thing, or the save is refused with what to do. */
export function checkStatusAgrees(status: IncidentStatus, resolvedAt: Date | null): void {
  if (resolvedAt && status !== "RESOLVED") {
    throw invalid("resolvedAt", "A resolution time is set but the incident is not resolved: tick “Mark the incident resolved” to resolve it at that time, or clear the time.");
  }
  if (!resolvedAt && status === "RESOLVED") {
    throw invalid("resolvedAt", "A resolved incident needs its resolution time. To clear it, reopen the incident first.");
  }
}
