import { describe, expect, it } from "vitest";
import { formatDuration, incidentDurations } from "@/lib/incidents/durations";

const at = (time: string) => new Date(`2023-10-15T${time}:00+02:00`);

describe("incident durations", () => {
  it("computes the example's 8:00–16:30 outage", () => {
    const d = incidentDurations({ startedAt: at("08:00"), detectedAt: at("08:03"), acknowledgedAt: at("08:10"), mitigatedAt: at("15:45"), resolvedAt: at("16:30") });
    expect(formatDuration(d.total)).toBe("8 h 30 min");
    expect(formatDuration(d.timeToDetect!)).toBe("3 min");
    expect(formatDuration(d.timeToAcknowledge!)).toBe("7 min");
    expect(formatDuration(d.timeToMitigate!)).toBe("7 h 45 min");
    expect(formatDuration(d.timeToResolve!)).toBe("8 h 30 min");
    expect(d.ongoing).toBe(false);
  });

  it("counts an open incident up to now and leaves unknown spans empty", () => {
    const d = incidentDurations({ startedAt: at("08:00"), detectedAt: null, acknowledgedAt: null, mitigatedAt: null, resolvedAt: null }, at("09:15"));
    expect(d.ongoing).toBe(true);
    expect(formatDuration(d.total)).toBe("1 h 15 min");
    expect(d.timeToDetect).toBeNull();
  });

  it.each([
    [0, "< 1 min"],
    [59_000, "< 1 min"],
    [60_000, "1 min"],
    [3_600_000, "1 h"],
    [26 * 3_600_000 + 5 * 60_000, "1 d 2 h 5 min"],
    [24 * 3_600_000 + 14 * 60_000, "1 d 14 min"],
    [48 * 3_600_000, "2 d"],
    [(365 + 35) * 86_400_000 + 3 * 3_600_000 + 60_000, "1 y 35 d 3 h 1 min"],
    [3 * 365 * 86_400_000 + 59 * 60_000 + 59_000, "3 y 59 min"],
    [-5 * 60_000, "−5 min"],
  ])("formats %i ms as %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
