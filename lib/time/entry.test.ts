import { describe, expect, it } from "vitest";
import { entryFields, readEntry, readTypedDate, readTypedTime } from "@/lib/time/entry";

const NY = "America/New_York";

describe("what people type into the time input", () => {
  it("reads 24-hour times in the forms hands type them, and nothing 12-hour", () => {
    expect(["0803", "803", "8:03", "08.03", "08:03"].map((t) => readTypedTime(t)?.clock)).toEqual(["08:03", "08:03", "08:03", "08:03", "08:03"]);
    expect(readTypedTime("23:27:05")).toEqual({ clock: "23:27:05", offset: null });
    expect(readTypedTime("01:15 GMT-5")).toEqual({ clock: "01:15", offset: "-05:00" });
    expect(readTypedTime("01:15-04:00")).toEqual({ clock: "01:15", offset: "-04:00" });
    expect(readTypedTime("24:00")).toBeNull();
    expect(readTypedTime("8:03 PM")).toBeNull();
  });

  it("reads ISO dates only, and only real ones", () => {
    expect(readTypedDate("2023-10-15")).toBe("2023-10-15");
    expect(readTypedDate("2023/10/5")).toBe("2023-10-05");
    expect(readTypedDate("20231015")).toBe("2023-10-15");
    expect(readTypedDate("10/15/2023")).toBeNull();
    expect(readTypedDate("2023-02-30")).toBeNull();
  });

  it("sends the wall time with its offset, on the carried-over day when only a time is typed", () => {
    expect(readEntry("", "08:03", "Africa/Johannesburg", "2023-10-15", null)).toEqual({ state: "ok", value: "2023-10-15T08:03+02:00", offsetName: "GMT+2", date: "2023-10-15" });
    expect(readEntry("", "", NY, "2023-10-15", null)).toEqual({ state: "empty", value: "" });
  });

  it("offers both passes of a repeated hour and sends none until one is chosen", () => {
    const open = readEntry("2024-11-03", "01:15", NY, "2024-11-03", null);
    expect(open.state).toBe("ambiguous");
    if (open.state !== "ambiguous") return;
    expect(open.options.map((o) => o.label)).toEqual(["01:15 GMT-4", "01:15 GMT-5"]);
    expect(open.value).toBe("2024-11-03T01:15");
    expect(readEntry("2024-11-03", "01:15", NY, "", "-05:00").value).toBe("2024-11-03T01:15-05:00");
    expect(readEntry("2024-11-03", "01:15 GMT-5", NY, "", null).value).toBe("2024-11-03T01:15-05:00");
  });

  it("refuses a skipped time and an offset the zone did not have", () => {
    expect(readEntry("2024-03-10", "02:30", NY, "", null)).toMatchObject({ state: "skipped", message: expect.stringMatching(/clocks skipped/) });
    expect(readEntry("2024-07-01", "12:00 GMT-5", NY, "", null)).toMatchObject({ state: "invalid" });
  });

  it("fills the fields from a stored instant in the zone, keeping which pass it was", () => {
    expect(entryFields("2024-11-03T06:15:00.000Z", NY)).toEqual({ date: "2024-11-03", time: "01:15", offset: "-05:00" });
    expect(entryFields("2024-11-03T01:00-04:00", NY)).toEqual({ date: "2024-11-03", time: "01:00", offset: "-04:00" });
    expect(entryFields("2024-11-03T06:15:42.000Z", NY).time).toBe("01:15:42");
  });
});
