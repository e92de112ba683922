type Moments = {
  startedAt: Date;
  detectedAt: Date | null;
  acknowledgedAt: Date | null;
  mitigatedAt: Date | null;
  resolvedAt: Date | null;
};

export type Durations = {
  timeToDetect: number | null;
  timeToAcknowledge: number | null;
  timeToMitigate: number | null;
  timeToResolve: number | null;
  /** Start to resolution, or to now while still open. */
  total: number;
  ongoing: boolean;
};

const between = (from: Date | null, to: Date | null) => (from && to ? to.getTime() - from.getTime() : null);

export function incidentDurations(m: Moments, now = new Date()): Durations {
  return {
    timeToDetect: between(m.startedAt, m.detectedAt),
    timeToAcknowledge: between(m.detectedAt ?? m.startedAt, m.acknowledgedAt),
    timeToMitigate: between(m.startedAt, m.mitigatedAt),
    timeToResolve: between(m.startedAt, m.resolvedAt),
    total: (m.resolvedAt ?? now).getTime() - m.startedAt.getTime(),
    ongoing: m.resolvedAt === null,
  };
}

/**
 * Exact to the minute at any length: "8 h 30 min", "1 d 14 min" (not "1 d" for 24 h 14 min),
 * "2 y 3 d 4 h" (a year counted as 365 days), "< 1 min"; negative spans (clock drift) get a minus sign.
 */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? "−" : "";
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes === 0) return `${sign}< 1 min`;
  const units: [number, string][] = [
    [Math.floor(minutes / 525_600), "y"],
    [Math.floor((minutes % 525_600) / 1440), "d"],
    [Math.floor((minutes % 1440) / 60), "h"],
    [minutes % 60, "min"],
  ];
  return sign + units.filter(([n]) => n > 0).map(([n, unit]) => `${n} ${unit}`).join(" ");
}
