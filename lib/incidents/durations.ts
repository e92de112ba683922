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

/** "8 h 30 min", "45 min", "2 d 3 h", "< 1 min"; negative spans (clock drift) get a minus sign. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? "−" : "";
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes === 0) return `${sign}< 1 min`;
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const parts = days > 0 ? [`${days} d`, hours ? `${hours} h` : ""] : [hours ? `${hours} h` : "", mins ? `${mins} min` : ""];
  return sign + parts.filter(Boolean).join(" ");
}
