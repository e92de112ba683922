import { describe, expect, it } from "vitest";
import { formatDateTime, formatDayHeading, formatDayKey, formatTime } from "@/lib/time/format";
import { dayKey } from "@/lib/time/zoned";

describe("cached date formatting", () => {
  it("formats in the zone with its offset at that moment, across a DST change", () => {
    expect(formatDateTime(new Date("2023-10-15T06:03:00Z"), "Europe/Berlin")).toBe("Oct 15, 2023, 08:03 GMT+2");
    expect(formatTime(new Date("2023-11-15T06:03:00Z"), "Europe/Berlin")).toBe("07:03 GMT+1");
    expect(formatTime(new Date("2023-10-15T06:03:00Z"), "UTC")).toBe("06:03 GMT+0");
  });

  it("agrees with Temporal on the calendar day of a moment in a zone", () => {
    const zones = ["UTC", "Europe/Berlin", "America/Los_Angeles", "Asia/Kolkata", "Pacific/Chatham", "Pacific/Kiritimati"];
    for (let hour = 0; hour < 48; hour += 1) {
      const at = new Date(Date.UTC(2024, 2, 30, hour, 17));
      for (const zone of zones) expect(formatDayKey(at, zone), `${at.toISOString()} in ${zone}`).toBe(dayKey(at, zone));
    }
  });

  it("keeps working past the cache's bound of zones", () => {
    const zones = Intl.supportedValuesOf("timeZone").slice(0, 150);
    const at = new Date("2024-06-01T12:00:00Z");
    for (const zone of zones) expect(formatDayKey(at, zone)).toBe(dayKey(at, zone));
    expect(formatTime(at, zones[0]!)).toBe(new Intl.DateTimeFormat("en-US", { timeZone: zones[0], hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "shortOffset" }).format(at));
  });

  it("names a day heading without a zone", () => {
    expect(formatDayHeading("2023-10-15")).toBe("Sunday, October 15, 2023");
  });
});
