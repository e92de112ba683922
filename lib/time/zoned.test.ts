import { describe, expect, it } from "vitest";
import { dayKey, utcToWallTime, wallTimeProblem, wallTimeToUtc } from "@/lib/time/zoned";
import { formatDateTime, formatTime } from "@/lib/time/format";

describe("wall times in an incident's zone", () => {
  it("reads the example's 08:03 GMT+2 as 06:03 UTC", () => {
    const utc = wallTimeToUtc("2023-10-15T08:03", "Africa/Cairo");
    expect(utc.toISOString()).toBe("2023-10-15T05:03:00.000Z");
    // Cairo was on summer time (GMT+3) in October 2023; Johannesburg is GMT+2 all year.
    expect(wallTimeToUtc("2023-10-15T08:03", "Africa/Johannesburg").toISOString()).toBe("2023-10-15T06:03:00.000Z");
    expect(formatTime(wallTimeToUtc("2023-10-15T08:03", "Africa/Johannesburg"), "Africa/Johannesburg")).toBe("08:03 GMT+2");
  });

  it("round-trips through the input format", () => {
    const utc = new Date("2024-03-31T00:30:00Z");
    expect(utcToWallTime(utc, "Europe/Berlin")).toBe("2024-03-31T01:30");
    expect(wallTimeToUtc(utcToWallTime(utc, "Europe/Berlin"), "Europe/Berlin").getTime()).toBe(utc.getTime());
  });

  it("refuses a time the clocks skipped (spring forward)", () => {
    expect(wallTimeProblem("2024-03-31T02:30", "Europe/Berlin")).toBe("nonexistent");
    expect(() => wallTimeToUtc("2024-03-31T02:30", "Europe/Berlin")).toThrow(/does not exist/);
  });

  it("tells apart the two 02:30s when clocks go back, and never merges them", () => {
    expect(wallTimeProblem("2024-10-27T02:30", "Europe/Berlin")).toBe("ambiguous");
    const first = wallTimeToUtc("2024-10-27T02:30", "Europe/Berlin", "earlier");
    const second = wallTimeToUtc("2024-10-27T02:30", "Europe/Berlin", "later");
    expect(second.getTime() - first.getTime()).toBe(60 * 60 * 1000);
    expect(formatTime(first, "Europe/Berlin")).toBe("02:30 GMT+2");
    expect(formatTime(second, "Europe/Berlin")).toBe("02:30 GMT+1");
  });

  it("groups by the zone's calendar day, not UTC's", () => {
    const lateEvening = new Date("2023-10-15T22:30:00Z");
    expect(dayKey(lateEvening, "UTC")).toBe("2023-10-15");
    expect(dayKey(lateEvening, "Asia/Tokyo")).toBe("2023-10-16");
    expect(formatDateTime(lateEvening, "Asia/Tokyo")).toBe("Oct 16, 2023, 07:30 GMT+9");
  });
});
