import { describe, expect, it } from "vitest";
import { dayChanges, dayKey, namesInstant, offsetName, utcToWallTime, utcToZonedValue, wallTimeInstants, wallTimeProblem, wallTimeToUtc, zonedValueToUtc } from "@/lib/time/zoned";
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

describe("zoned values: what the time input sends", () => {
  const NY = "America/New_York";

  it("reads a wall time with the offset that picks one pass of the repeated hour", () => {
    expect(zonedValueToUtc("2024-11-03T01:15-04:00", NY).toISOString()).toBe("2024-11-03T05:15:00.000Z");
    expect(zonedValueToUtc("2024-11-03T01:15-05:00", NY).toISOString()).toBe("2024-11-03T06:15:00.000Z");
    expect(zonedValueToUtc("2024-11-03 01:15:30-05:00", NY).toISOString()).toBe("2024-11-03T06:15:30.000Z");
    expect(zonedValueToUtc("2024-11-03T06:15:42.123Z", NY).toISOString()).toBe("2024-11-03T06:15:42.123Z");
    expect(zonedValueToUtc("2023-10-15T08:03", "Africa/Johannesburg").toISOString()).toBe("2023-10-15T06:03:00.000Z");
  });

  it("refuses a bare repeated time, a skipped time, an offset the zone never had then, and malformed text", () => {
    expect(() => zonedValueToUtc("2024-11-03T01:15", NY)).toThrow("2024-11-03 01:15 happened twice in America/New_York (the clocks went back): choose 01:15 GMT-4 (the first) or 01:15 GMT-5 (the second).");
    expect(() => zonedValueToUtc("2024-03-10T02:30", NY)).toThrow(/does not exist in America\/New_York/);
    expect(() => zonedValueToUtc("2024-07-01T12:00-05:00", NY)).toThrow("America/New_York was at GMT-4 at 2024-07-01 12:00, not -05:00.");
    expect(() => zonedValueToUtc("10/15/2023 8:03 AM", NY)).toThrow(/24-hour/);
    expect(() => zonedValueToUtc("2023-02-30T08:00", NY)).toThrow(/24-hour/);
  });

  it("writes an instant back with its offset so reading it again finds the same instant", () => {
    const second = new Date("2024-11-03T06:15:00Z");
    expect(utcToZonedValue(second, NY)).toBe("2024-11-03T01:15-05:00");
    expect(zonedValueToUtc(utcToZonedValue(second, NY), NY).getTime()).toBe(second.getTime());
    const precise = new Date("2024-11-03T05:15:42.120Z");
    expect(zonedValueToUtc(utcToZonedValue(precise, NY), NY).getTime()).toBe(precise.getTime());
  });

  it("knows when a submitted value still names the stored instant at the precision it was shown", () => {
    const stored = new Date("2024-11-03T06:15:42.123Z");
    expect(namesInstant("2024-11-03T01:15", stored, NY)).toBe(true);
    expect(namesInstant("2024-11-03T01:15-05:00", stored, NY)).toBe(true);
    expect(namesInstant("2024-11-03T01:15-04:00", stored, NY)).toBe(false);
    expect(namesInstant("2024-11-03T01:15:42", stored, NY)).toBe(true);
    expect(namesInstant("2024-11-03T01:15:43", stored, NY)).toBe(false);
    expect(namesInstant(stored.toISOString(), stored, NY)).toBe(true);
    expect(namesInstant("2024-11-03T01:16", stored, NY)).toBe(false);
  });

  it("names offsets as people read them and lists the instants of a wall time", () => {
    expect(offsetName(new Date("2023-10-15T06:03:00Z"), "Africa/Johannesburg")).toBe("GMT+2");
    expect(offsetName(new Date("2023-10-15T06:03:00Z"), "Asia/Kolkata")).toBe("GMT+5:30");
    expect(offsetName(new Date("2023-10-15T06:03:00Z"), "UTC")).toBe("GMT");
    expect(wallTimeInstants("2024-11-03T01:15", NY).map((d) => d.toISOString())).toEqual(["2024-11-03T05:15:00.000Z", "2024-11-03T06:15:00.000Z"]);
    expect(wallTimeInstants("2024-03-10T02:30", NY)).toEqual([]);
  });

  it("marks where a time-ordered list crosses midnight in the zone", () => {
    const times = ["2023-10-15T21:50:00Z", "2023-10-15T21:59:00Z", "2023-10-15T22:10:00Z", "2023-10-16T09:00:00Z"].map((t) => new Date(t));
    expect(dayChanges(times, "Africa/Johannesburg")).toEqual([true, false, true, false]);
    expect(dayChanges(times, "UTC")).toEqual([true, false, false, true]);
  });
});
