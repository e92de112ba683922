import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { encodeCursor } from "@/lib/pagination";
import { getIncident, incidentFilterOptions, listIncidents, listIncidentsWithOptions, INCIDENT_PAGE_SIZE } from "@/lib/incidents/queries";
import { loadTeamContext, loadUserShell } from "@/lib/teams/actor";
import { loadSessionUser } from "@/lib/auth/sessions";
import { incidentFiltersSchema } from "@/lib/incidents/schema";
import { listEventChangesSince, listEventsBefore, listLatestEvents, listStarredEvents, listTimeline, searchTimeline } from "@/lib/timeline/queries";
import { captureQueries, expectIndexed as expectIndexedOn } from "@/lib/testing/explain";
import { seedVolume } from "@/bench/volume";
import { listMyTasks, listTeamTasks, overdueCount, TASK_PAGE_SIZE } from "@/lib/tasks/queries";
import { taskFiltersSchema } from "@/lib/tasks/schema";

/**
 * Every query behind the incident list and page must be served by an index on a grown table —
 * the outage in our reference postmortem was exactly this. The volume is seeded once (a few
 * thousand incidents per team, ANALYZEd) and each query's real SQL is EXPLAINed.
 */
const GROWN = ["Incident", "TimelineEvent", "Task"];
const TEAM = "vol-team-2";
const actor = { userId: "vol-user-6", teamId: TEAM, role: "OWNER" as const };
const filters = (input: Record<string, unknown> = {}) => incidentFiltersSchema.parse(input);

let bigIncidentId = "";

beforeAll(async () => {
  const seeded = await seedVolume(db(), { teams: 4, incidentsPerTeam: 4_000, eventsPerIncident: 5, bigIncidentEvents: 500, tasksPerIncident: 3 });
  bigIncidentId = seeded.bigIncidentId;
}, 180_000);

const expectIndexed = (work: () => Promise<unknown>) => expectIndexedOn(GROWN, work);

/** The list alone (the API) and with its filter choices (the page, one statement): index-served, the same page. */
async function expectListIndexed(input: Record<string, unknown> = {}) {
  await expectIndexed(() => listIncidents(actor, TEAM, filters(input), "UTC"));
  await expectIndexed(() => listIncidentsWithOptions(actor, TEAM, filters(input), "UTC"));
  const [alone, together] = await Promise.all([listIncidents(actor, TEAM, filters(input), "UTC"), listIncidentsWithOptions(actor, TEAM, filters(input), "UTC")]);
  expect(together.page).toEqual(alone);
  expect(together.options).toEqual(await incidentFilterOptions(actor, TEAM));
}

type PlanNode = { "Node Type": string; "Plan Rows": number; Plans?: PlanNode[] };

async function planOf(query: { sql: string; params: unknown[] }): Promise<unknown> {
  const rows = await db().$queryRawUnsafe<{ "QUERY PLAN": unknown }[]>(`EXPLAIN (FORMAT JSON) ${query.sql}`, ...query.params);
  return rows[0]?.["QUERY PLAN"];
}

describe("index-served queries on a grown data set", () => {
  it("the first page of the list, by start and by last update", async () => {
    await expectListIndexed();
    await expectListIndexed({ sort: "updated" });
  });

  it("the 50th page, by keyset", async () => {
    const [row] = await db().$queryRaw<{ startedAt: Date; id: string }[]>`
      SELECT "startedAt", id FROM "Incident" WHERE "teamId" = ${TEAM} ORDER BY "startedAt" DESC, id DESC OFFSET ${49 * INCIDENT_PAGE_SIZE - 1} LIMIT 1`;
    const after = encodeCursor({ at: row!.startedAt.toISOString(), id: row!.id });
    const page = await listIncidents(actor, TEAM, filters({ after }), "UTC");
    expect(page.items).toHaveLength(INCIDENT_PAGE_SIZE);
    await expectListIndexed({ after });
  });

  it.each([
    ["status", { status: ["INVESTIGATING"] }],
    ["severity", { severity: ["SEV1", "SEV2"] }],
    ["commander", { commander: "vol-user-7" }],
    ["service", { service: "cache-svc-1" }],
    ["date range", { from: "2020-02-01", to: "2020-02-10" }],
    ["everything at once", { status: ["RESOLVED"], severity: ["SEV3"], from: "2020-01-01", to: "2020-03-01" }],
  ])("a list filtered by %s", async (_label, input) => {
    await expectListIndexed(input);
  });

  it.each([
    ["a common term", "database"],
    ["a rare term", "zeppelin"],
    ["a phrase", "\"deadlock incident\""],
    ["words from the title and the timeline together", "deadlock host"],
    ["punctuated tokens", "rm -rf /dev/sda1 nfs-share01"],
  ])("search for %s", async (_label, q) => {
    await expectListIndexed({ q });
  });

  it("the session check every page view starts with", async () => {
    await db().$executeRaw`INSERT INTO "UserSession" (id, "userId", "expiresAt")
      SELECT 'vol-session-' || n, 'vol-user-' || (1 + n % 20), now() + interval '1 day' FROM generate_series(1, 20000) n`;
    await db().$executeRawUnsafe(`ANALYZE "UserSession"`);
    expect(await loadSessionUser("vol-session-5", "vol-user-6")).toMatchObject({ id: "vol-user-6", emailVerified: false, sessionId: "vol-session-5" });
    expect(await loadSessionUser("vol-session-5", "vol-user-7")).toBeNull();
    await expectIndexedOn(["UserSession"], () => loadSessionUser("vol-session-5", "vol-user-6"));
  });

  it("the team pages' context with its navigation, and the list's filter choices", async () => {
    const user = { id: "vol-user-6", email: "vol-6@volume.test", name: "Volume User 6", image: null, emailVerified: true, sessionId: "none" };
    expect((await loadTeamContext(user, TEAM))?.shell.overdue).toBe(100);
    await expectIndexed(() => loadTeamContext(user, TEAM));
    await expectIndexed(() => loadUserShell("vol-user-6"));
    await expectIndexed(() => incidentFilterOptions(actor, TEAM));
  });

  it("an incident page with 500 timeline events", async () => {
    const incident = await db().incident.findUniqueOrThrow({ where: { id: bigIncidentId }, select: { teamId: true, number: true } });
    const owner = { userId: "vol-user-1", teamId: incident.teamId, role: "OWNER" as const };
    await expectIndexed(() => getIncident(owner, incident.teamId, incident.number));
    const timeline = await listTimeline(owner, incident.teamId, bigIncidentId);
    expect(timeline.length).toBeGreaterThanOrEqual(500);
    await expectIndexed(() => listTimeline(owner, incident.teamId, bigIncidentId));
  });

  it("the incident page's windowed timeline: newest, earlier by keyset, starred, search, live changes", async () => {
    const incident = await db().incident.findUniqueOrThrow({ where: { id: bigIncidentId }, select: { teamId: true } });
    const owner = { userId: "vol-user-1", teamId: incident.teamId, role: "OWNER" as const };
    const latest = await listLatestEvents(owner, incident.teamId, bigIncidentId);
    expect(latest.earlier).not.toBeNull();
    await expectIndexed(() => listLatestEvents(owner, incident.teamId, bigIncidentId));
    await expectIndexed(() => listEventsBefore(owner, incident.teamId, bigIncidentId, latest.earlier!));
    await expectIndexed(() => listStarredEvents(owner, incident.teamId, bigIncidentId));
    await expectIndexed(() => searchTimeline(owner, incident.teamId, bigIncidentId, "database"));
    await expectIndexed(() => searchTimeline(owner, incident.teamId, bigIncidentId, "zeppelin"));
    await expectIndexed(() => searchTimeline(owner, incident.teamId, bigIncidentId, "note", latest.earlier));
    await expectIndexed(() => listEventChangesSince(incident.teamId, bigIncidentId, new Date(Date.now() - 60_000)));
  });
});

describe("index-served task queries on a grown data set", () => {
  const taskFilters = (input: Record<string, unknown> = {}) => taskFiltersSchema.parse(input);

  it("My tasks", async () => {
    await expectIndexed(() => listMyTasks("vol-user-7"));
    const first = await listMyTasks("vol-user-7");
    expect(first.nextCursor).not.toBeNull();
    await expectIndexed(() => listMyTasks("vol-user-7", first.nextCursor));
  });

  it.each([
    ["open tasks", {}],
    ["overdue", { due: "overdue" }],
    ["this week", { due: "week" }],
    ["by owner", { owner: "vol-user-8" }],
    ["by type and status", { type: ["DETECTIVE"], status: ["BLOCKED"] }],
    ["by incident", { incident: 42 }],
    ["closed ones", { status: ["DONE", "WONT_DO"] }],
  ])("the team board: %s", async (_label, input) => {
    await expectIndexed(() => listTeamTasks(actor, TEAM, taskFilters(input), "UTC"));
  });

  it("the overdue count in the navigation", async () => {
    await expectIndexed(() => overdueCount(actor, TEAM, "UTC"));
    expect(await overdueCount(actor, TEAM, "UTC")).toBe(100);
  });

  it.each([
    ["the open-task board", () => listTeamTasks(actor, TEAM, taskFilters(), "UTC")],
    ["the open-task board, overdue", () => listTeamTasks(actor, TEAM, taskFilters({ due: "overdue" }), "UTC")],
    ["My tasks", () => listMyTasks("vol-user-7")],
  ])("%s reads open tasks in due order from an index, sorting no more than a page", async (_label, work) => {
    const [query] = await captureQueries(work);
    const plan = await planOf(query!);
    expect(JSON.stringify(plan)).toMatch(/Task_open_(teamId|ownerId)_dueDate_id_idx/);
    const sorted: number[] = [];
    const visit = (node: PlanNode) => {
      if (node["Node Type"] === "Sort") sorted.push(node["Plan Rows"]);
      node.Plans?.forEach(visit);
    };
    visit((plan as [{ Plan: PlanNode }])[0].Plan);
    expect(sorted.every((rows) => rows <= TASK_PAGE_SIZE + 1), JSON.stringify(plan)).toBe(true);
  });
});
