import { describe, expect, it } from "vitest";
import { parsePastedTimeline } from "@/lib/timeline/paste";

const iso = (d: Date) => d.toISOString();

describe("reading a pasted block of notes into timeline events", () => {
  it("reads the reference postmortem's timeline, typed as notes in GMT+2", () => {
    const block = ["08:00 Impact started: reports stop generating", "08:03 alert fired", "- 8:05 AM (GMT +2) IT manager starts investigating", "[11:40] escalated to the developers", "16:30 query rewritten, index added"].join("\n");
    const { events, problems } = parsePastedTimeline(block, "2023-10-15", "Africa/Johannesburg");
    expect(problems).toEqual([]);
    expect(events.map((e) => [iso(e.at), e.body])).toEqual([
      ["2023-10-15T06:00:00.000Z", "Impact started: reports stop generating"],
      ["2023-10-15T06:03:00.000Z", "alert fired"],
      ["2023-10-15T06:05:00.000Z", "IT manager starts investigating"],
      ["2023-10-15T09:40:00.000Z", "escalated to the developers"],
      ["2023-10-15T14:30:00.000Z", "query rewritten, index added"],
    ]);
    expect(events[1]).toMatchObject({ wall: "2023-10-15 08:03", offset: "GMT+2", line: 2 });
  });

  it("takes dates, seconds and zones written on the line, and carries the date to later lines", () => {
    const block = "2017-01-31 23:27 UTC database replication lag alert\n23:40:12 UTC restore started\n2017-02-01T00:05:30Z backup found\n00:10 +02:00 rechecked";
    const { events, problems } = parsePastedTimeline(block, "2020-01-01", "Europe/Berlin");
    expect(problems).toEqual([]);
    expect(events.map((e) => iso(e.at))).toEqual(["2017-01-31T23:27:00.000Z", "2017-01-31T23:40:12.000Z", "2017-02-01T00:05:30.000Z", "2017-01-31T22:10:00.000Z"]);
    expect(events.map((e) => e.wall)).toEqual(["2017-02-01 00:27", "2017-02-01 00:40:12", "2017-02-01 01:05:30", "2017-01-31 23:10"]);
  });

  it("reads GMT+2 style offsets with and without spaces and minutes", () => {
    const { events } = parsePastedTimeline("08:03 GMT+2 a\n08:04 GMT -05:30 b\n08:05 (UTC+0530) c\n08:06 +0200 d", "2023-10-15", "UTC");
    expect(events.map((e) => iso(e.at))).toEqual(["2023-10-15T06:03:00.000Z", "2023-10-15T13:34:00.000Z", "2023-10-15T02:35:00.000Z", "2023-10-15T06:06:00.000Z"]);
  });

  it("turns the clock going backwards across midnight into the next day, and marks it", () => {
    const { events } = parsePastedTimeline("23:50 paged\n00:10 rollback\n00:05 (noted late) cache cleared", "2023-10-15", "UTC");
    expect(events.map((e) => [iso(e.at), e.nextDay])).toEqual([
      ["2023-10-15T23:50:00.000Z", false],
      ["2023-10-16T00:10:00.000Z", true],
      ["2023-10-16T00:05:00.000Z", false],
    ]);
  });

  it("joins lines without a time to the event above (multi-line chat messages)", () => {
    const { events } = parsePastedTimeline("08:03 alert fired\n  PID 4242 at 98% CPU\n\n08:10 ack", "2023-10-15", "UTC");
    expect(events.map((e) => e.body)).toEqual(["alert fired\nPID 4242 at 98% CPU", "ack"]);
  });

  it("converts 12-hour times", () => {
    const { events } = parsePastedTimeline("12:15 am a\n12:15 PM b\n4:30 p.m. c", "2023-10-15", "UTC");
    expect(events.map((e) => e.wall)).toEqual(["2023-10-15 00:15", "2023-10-15 12:15", "2023-10-15 16:30"]);
  });

  it("refuses a repeated-hour time without an offset, and accepts it with one", () => {
    const ambiguous = parsePastedTimeline("01:15 failover", "2024-11-03", "America/New_York");
    expect(ambiguous.events).toEqual([]);
    expect(ambiguous.problems[0]?.message).toMatch(/twice.*01:15 GMT-4.*01:15 GMT-5/);
    const chosen = parsePastedTimeline("01:15 GMT-5 failover", "2024-11-03", "America/New_York");
    expect(chosen.events[0]?.at.toISOString()).toBe("2024-11-03T06:15:00.000Z");
    expect(chosen.events[0]?.offset).toBe("GMT-5");
  });

  it("refuses a time the clocks skipped, bad times and lines with no text, by line number", () => {
    const { problems, events } = parsePastedTimeline("02:30 deploy\n25:00 nope\n08:61 nope\n09:00\n10:00 fine", "2024-03-31", "Europe/Berlin");
    expect(events.map((e) => e.body)).toEqual(["fine"]);
    expect(problems.map((p) => p.line)).toEqual([1, 2, 3, 4]);
    expect(problems[1]?.message).toBe("Line 2: 25:00 is not a valid time.");
    expect(problems[0]?.message).toMatch(/does not exist/);
  });

  it("needs a first line with a time", () => {
    expect(parsePastedTimeline("just some text\n08:00 x", "2023-10-15", "UTC").problems).toEqual([{ line: 1, message: "Line 1 does not start with a time (HH:MM)." }]);
  });

  it("refuses impossible dates", () => {
    expect(parsePastedTimeline("2023-02-30 08:00 x", "2023-10-15", "UTC").problems[0]?.message).toMatch(/not a date/);
  });
});
