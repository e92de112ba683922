import { beforeAll, describe, expect, it } from "vitest";
import { crossTeamInsights, teamInsights, type Insights } from "@/lib/insights/queries";
import { insightsFiltersSchema, bucketStarts } from "@/lib/insights/schema";
import { HISTOGRAM_EDGES } from "@/lib/insights/response-times";
import { OVERDUE_BUCKETS } from "@/lib/insights/follow-through";
import { buildFixture, seedFixture, FIXTURE_NOW, FIXTURE_ZONE, type FixtureIncident } from "@/lib/testing/insights-fixture";
import {
  bucketOf,
  durations,
  histogramBucket,
  inWindow,
  isOpenTask,
  overdueBucket,
  percentileCont,
  repeats,
  taskOutcomes,
  type Window,
} from "@/lib/testing/insights-reference";
import { rejection } from "@/lib/testing/errors";

const fixture = buildFixture();
let seeded: Awaited<ReturnType<typeof seedFixture>>;

const input = { period: "custom", from: "2026-02-01", to: "2026-04-14", volume: "week", trend: "month" };
const filters = (extra: Record<string, unknown> = {}) => insightsFiltersSchema.parse({ ...input, ...extra });
// Berlin is on CET (UTC+1) on 1 February and CEST (UTC+2) on 15 April.
const window: Window = { from: new Date("2026-01-31T23:00:00Z"), to: new Date("2026-04-14T22:00:00Z"), fromDay: "2026-02-01", toDay: "2026-04-14", today: "2026-04-15" };
const METRICS = ["detect", "acknowledge", "mitigate", "resolve"] as const;

const load = (extra: Record<string, unknown> = {}) => {
  const actor = { userId: seeded.users.owner, teamId: seeded.teamIds.A, role: "OWNER" as const };
  return teamInsights(actor, seeded.teams.A, filters(extra), FIXTURE_NOW);
};

function expectStat(actual: { p50: number | null; p90: number | null; n: number; missing: number } | undefined, incidents: FixtureIncident[], metric: (typeof METRICS)[number]) {
  const expected = durations(incidents, metric);
  expect(actual?.n ?? 0, metric).toBe(expected.n);
  expect(actual?.missing ?? 0, metric).toBe(expected.missing);
  if (expected.p50 === null) expect(actual?.p50 ?? null).toBeNull();
  else {
    expect(actual!.p50).toBeCloseTo(expected.p50, 3);
    expect(actual!.p90).toBeCloseTo(expected.p90!, 3);
  }
}

beforeAll(async () => {
  seeded = await seedFixture(fixture);
});

describe("Insights on a fixed data set, against an independent calculation", () => {
  let insights: Insights;
  let inPeriod: FixtureIncident[];
  beforeAll(async () => {
    insights = await load();
    inPeriod = inWindow(fixture, ["A"], window);
  });

  it("resolves the period in the team's zone", () => {
    expect(insights.scope.period.from.toISOString()).toBe(window.from.toISOString());
    expect(insights.scope.period.to.toISOString()).toBe(window.to.toISOString());
    expect(inPeriod.length).toBeGreaterThan(40);
  });

  it("response times: median, p90, n and the incidents without the moment, overall and by severity", () => {
    for (const metric of METRICS) {
      expectStat(insights.responseTimes.overall.find((r) => r.metric === metric), inPeriod, metric);
      for (const severity of ["SEV1", "SEV2", "SEV3", "SEV4"] as const) {
        const group = inPeriod.filter((i) => i.severity === severity);
        expectStat(insights.responseTimes.bySeverity.find((r) => r.metric === metric && r.severity === severity), group, metric);
      }
    }
    // The reopened, still open incident has no time to resolve: counted apart, not as zero.
    const resolve = insights.responseTimes.overall.find((r) => r.metric === "resolve")!;
    expect(resolve.missing).toBe(inPeriod.filter((i) => !i.resolvedAt).length);
    expect(resolve.missing).toBeGreaterThan(0);
  });

  it("response times by service and their monthly trend (months in Berlin)", () => {
    for (const metric of METRICS) {
      for (const service of ["api", "db", "queue", "search"]) {
        expectStat(insights.responseTimes.byService.find((r) => r.metric === metric && r.service === service), inPeriod.filter((i) => i.services.includes(service)), metric);
      }
      for (const month of ["2026-02-01", "2026-03-01", "2026-04-01"]) {
        const group = inPeriod.filter((i) => bucketOf(i.startedAt, FIXTURE_ZONE, "month") === month);
        expectStat(insights.responseTimes.trend.find((r) => r.metric === metric && r.bucket === month), group, metric);
      }
    }
    // 31 March 22:30 UTC is April in Berlin.
    const april = insights.responseTimes.trend.find((r) => r.metric === "detect" && r.bucket === "2026-04-01")!;
    expect(april.refs.map((r) => r.title)).toContain(fixture.incidents.find((i) => i.startedAt.toISOString() === "2026-03-31T22:30:00.000Z")!.title);
  });

  it("the distribution of each duration", () => {
    for (const metric of METRICS) {
      const counts = new Map<number, number>();
      for (const secs of durations(inPeriod, metric).values) counts.set(histogramBucket(secs, HISTOGRAM_EDGES), (counts.get(histogramBucket(secs, HISTOGRAM_EDGES)) ?? 0) + 1);
      const actual = new Map(insights.responseTimes.histogram.filter((h) => h.metric === metric).map((h) => [h.bin, h.n]));
      expect(actual, metric).toEqual(counts);
    }
  });

  it("volume per week (Monday, Berlin, across the DST change) by severity and by service, and the share by origin", () => {
    const expected = new Map<string, number>();
    for (const i of inPeriod) expected.set(`${bucketOf(i.startedAt, FIXTURE_ZONE, "week")} ${i.severity}`, (expected.get(`${bucketOf(i.startedAt, FIXTURE_ZONE, "week")} ${i.severity}`) ?? 0) + 1);
    expect(new Map(insights.volume.bySeverity.map((r) => [`${r.bucket} ${r.severity}`, r.n]))).toEqual(expected);
    // Sunday 23:30 UTC after the spring-forward is Monday in Berlin.
    expect(insights.volume.bySeverity.find((r) => r.bucket === "2026-03-30" && r.severity === "SEV1")?.refs.some((r) => r.title === fixture.incidents.find((i) => i.startedAt.toISOString() === "2026-03-29T23:30:00.000Z")!.title)).toBe(true);
    for (const r of insights.volume.bySeverity) expect(bucketStarts("week", window.fromDay, window.toDay)).toContain(r.bucket);

    const byService = new Map<string, number>();
    for (const i of inPeriod) for (const s of i.services) byService.set(`${bucketOf(i.startedAt, FIXTURE_ZONE, "week")} ${s}`, (byService.get(`${bucketOf(i.startedAt, FIXTURE_ZONE, "week")} ${s}`) ?? 0) + 1);
    expect(new Map(insights.volume.byService.map((r) => [`${r.bucket} ${r.service}`, r.n]))).toEqual(byService);

    expect(insights.volume.total).toBe(inPeriod.length);
    for (const origin of ["MANUAL", "ALERT", "API"] as const) {
      expect(insights.volume.byOrigin.find((r) => r.origin === origin)?.n ?? 0).toBe(inPeriod.filter((i) => i.origin === origin).length);
    }
  });

  it("volume per month and trend per quarter", async () => {
    const monthly = await load({ volume: "month", trend: "quarter" });
    const expected = new Map<string, number>();
    for (const i of inPeriod) expected.set(`${bucketOf(i.startedAt, FIXTURE_ZONE, "month")} ${i.severity}`, (expected.get(`${bucketOf(i.startedAt, FIXTURE_ZONE, "month")} ${i.severity}`) ?? 0) + 1);
    expect(new Map(monthly.volume.bySeverity.map((r) => [`${r.bucket} ${r.severity}`, r.n]))).toEqual(expected);
    for (const quarter of ["2026-01-01", "2026-04-01"]) {
      expectStat(monthly.responseTimes.trend.find((r) => r.metric === "resolve" && r.bucket === quarter), inPeriod.filter((i) => bucketOf(i.startedAt, FIXTURE_ZONE, "quarter") === quarter), "resolve");
    }
  });

  it("follow-through: done by the due date (the team's calendar), overdue by age, verification, open tasks by type and owner", () => {
    const tasks = fixture.tasks.filter((t) => t.team === "A");
    for (const type of ["CORRECTIVE", "PREVENTIVE"] as const) {
      const row = insights.followThrough.dueInPeriod.find((r) => r.type === type);
      const expected = taskOutcomes(tasks.filter((t) => t.type === type), window, FIXTURE_ZONE);
      expect({ onTime: row?.onTime ?? 0, late: row?.late ?? 0, notDone: row?.notDone ?? 0, wontDo: row?.wontDo ?? 0 }, type).toEqual(expected);
    }
    expect(insights.followThrough.dueInPeriod.reduce((sum, r) => sum + r.onTime + r.late, 0)).toBeGreaterThan(5);
    const overdue = [0, 0, 0, 0];
    for (const t of tasks.filter((t) => isOpenTask(t) && t.dueDate && t.dueDate < window.today)) overdue[overdueBucket(t.dueDate!, window.today)]! += 1;
    expect(insights.followThrough.overdueByAge.map((r) => r.n)).toEqual(overdue);
    expect(insights.followThrough.overdueByAge.map((r) => r.bucket)).toEqual([...OVERDUE_BUCKETS]);

    const done = tasks.filter((t) => t.status === "DONE" && t.completedAt! >= window.from && t.completedAt! < window.to);
    expect(insights.followThrough.verification).toEqual({ done: done.length, withCheck: done.filter((t) => t.criteria).length, verified: done.filter((t) => t.verifiedAt).length });

    const open = tasks.filter(isOpenTask);
    for (const type of ["CORRECTIVE", "PREVENTIVE", "DETECTIVE", "PROCESS"] as const) {
      expect(insights.followThrough.openByType.find((r) => r.type === type)?.n ?? 0).toBe(open.filter((t) => t.type === type).length);
    }
    for (const owner of ["owner", "member", null] as const) {
      const name = seeded.ownerName(owner, "A");
      expect(insights.followThrough.openByOwner.find((r) => r.owner === name)?.n ?? 0, String(owner)).toBe(open.filter((t) => t.owner === owner).length);
    }
  });

  it("the late and on-time edge cases around midnight in Berlin", () => {
    const late = taskOutcomes([fixture.tasks.find((t) => t.title === "Late by the team's calendar")!], window, FIXTURE_ZONE);
    const onTime = taskOutcomes([fixture.tasks.find((t) => t.title === "On time by the team's calendar")!], window, FIXTURE_ZONE);
    expect(late).toEqual({ onTime: 0, late: 1, notDone: 0, wontDo: 0 });
    expect(onTime).toEqual({ onTime: 1, late: 0, notDone: 0, wontDo: 0 });
  });

  it("postmortem coverage of SEV1–2 incidents and lead times from the first approval and the first edition", () => {
    const major = inPeriod.filter((i) => i.severity === "SEV1" || i.severity === "SEV2");
    expect(insights.postmortems.coverage).toMatchObject({
      major: major.length,
      withPostmortem: major.filter((i) => i.postmortem).length,
      approved: major.filter((i) => i.postmortem && ["APPROVED", "PUBLISHED"].includes(i.postmortem.status)).length,
      published: major.filter((i) => i.postmortem?.status === "PUBLISHED").length,
    });
    const withPm = inPeriod.filter((i) => i.postmortem);
    const first = (ds: Date[]) => (ds.length ? Math.min(...ds.map((d) => d.getTime())) : null);
    const spans = {
      "resolved → approved": withPm.map((i) => { const a = first(i.postmortem!.approvals); return a !== null && i.resolvedAt ? (a - i.resolvedAt.getTime()) / 1000 : null; }),
      "approved → published": withPm.map((i) => { const a = first(i.postmortem!.approvals); const p = first(i.postmortem!.editions); return a !== null && p !== null ? (p - a) / 1000 : null; }),
      "resolved → published": withPm.map((i) => { const p = first(i.postmortem!.editions); return p !== null && i.resolvedAt ? (p - i.resolvedAt.getTime()) / 1000 : null; }),
    };
    for (const { stage, stat } of insights.postmortems.leadTimes) {
      const values = spans[stage].filter((v): v is number => v !== null);
      expect(stat.n, stage).toBe(values.length);
      expect(stat.missing, stage).toBe(withPm.length - values.length);
      expect(stat.p50 ?? null).toBeCloseTo(percentileCont(values, 0.5) ?? 0, 3);
      expect(stat.p90 ?? null).toBeCloseTo(percentileCont(values, 0.9) ?? 0, 3);
    }
    expect(insights.postmortems.leadTimes.find((l) => l.stage === "approved → published")!.stat.n).toBeGreaterThan(0);
  });

  it("repeat incidents per service within 90 days, with the open corrective tasks on them", () => {
    const expected = repeats(fixture.incidents.filter((i) => i.team === "A"), window, new Date(window.from.getTime() - 90 * 86_400_000));
    expect(expected.size).toBeGreaterThan(0);
    expect(new Map(insights.repeats.map((r) => [`A:${r.service}`, r.repeats]))).toEqual(expected);
    for (const r of insights.repeats) {
      const onService = new Set(fixture.incidents.filter((i) => i.team === "A" && i.services.includes(r.service)).map((i) => i.number));
      const tasks = fixture.tasks.filter((t) => t.team === "A" && t.type === "CORRECTIVE" && isOpenTask(t) && onService.has(t.incidentNumber));
      expect(r.openCorrectiveTotal).toBe(tasks.length);
      expect(r.openCorrective.length).toBe(Math.min(10, tasks.length));
      for (const t of r.openCorrective) expect(tasks.map((x) => x.title)).toContain(t.title);
    }
  });

  it("filters by severity, status and service narrow every number the same way", async () => {
    const narrowed = await load({ severity: ["SEV1", "SEV2"], status: ["RESOLVED"], service: "db" });
    const group = inPeriod.filter((i) => ["SEV1", "SEV2"].includes(i.severity) && i.status === "RESOLVED" && i.services.includes("db"));
    expect(narrowed.volume.total).toBe(group.length);
    for (const metric of METRICS) expectStat(narrowed.responseTimes.overall.find((r) => r.metric === metric), group, metric);
  });
});

describe("who sees what", () => {
  it("the cross-team view counts the user's teams together, and nobody else's", async () => {
    const all = await crossTeamInsights(seeded.users.owner, filters(), FIXTURE_NOW);
    const group = inWindow(fixture, ["A", "B"], window);
    expect(all.volume.total).toBe(group.length);
    expect(all.scope.timeZone).toBe(FIXTURE_ZONE);
    for (const metric of METRICS) expectStat(all.responseTimes.overall.find((r) => r.metric === metric), group, metric);
    // The member of A alone sees A's numbers only.
    const memberView = await crossTeamInsights(seeded.users.member, filters(), FIXTURE_NOW);
    expect(memberView.volume.total).toBe(inWindow(fixture, ["A"], window).length);
  });

  it("an outsider is refused a team's insights", async () => {
    const actor = null;
    expect((await rejection(teamInsights(actor, seeded.teams.A, filters(), FIXTURE_NOW))).code).toBe("NOT_FOUND");
  });

  it("a user without teams sees empty numbers", async () => {
    const nobody = await crossTeamInsights(seeded.outsider, filters(), FIXTURE_NOW);
    expect(nobody.volume.total).toBe(0);
    expect(nobody.responseTimes.overall.map((r) => [r.n, r.p50])).toEqual([[0, null], [0, null], [0, null], [0, null]]);
  });
});
