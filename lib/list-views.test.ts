import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadSessionUser, type SessionUser } from "@/lib/auth/sessions";
import { declareIncident } from "@/lib/incidents/mutations";
import { listIncidentsWithOptions } from "@/lib/incidents/queries";
import { incidentFiltersSchema } from "@/lib/incidents/schema";
import { listPostmortems, postmortemFiltersSchema } from "@/lib/reviews/list";
import { createTask } from "@/lib/tasks/mutations";
import { listMyTasks, listTeamTasks } from "@/lib/tasks/queries";
import { taskFiltersSchema } from "@/lib/tasks/schema";
import { loadTeamContext, loadUserShell } from "@/lib/teams/actor";
import { listMemberOptions } from "@/lib/teams/queries";
import { captureQueries } from "@/lib/testing/explain";
import { createTeamWith } from "@/lib/testing/factories";

/**
 * SQL statements per list page view: what the page and the team layout run, in the order they run
 * it (the session check, the team with its navigation, the page's own reads). Every statement is
 * a round trip and a turn of Prisma's query engine, so a new one on a list page fails here.
 * Today: 12 for the incident list before the shell and the filter choices were folded together,
 * 4 before its page and filter choices were read together.
 */
let user: SessionUser;
let slug = "";
let teamId = "";

beforeAll(async () => {
  const { team, owner } = await createTeamWith(["MEMBER"]);
  slug = team.slug;
  teamId = team.id;
  const session = await db().userSession.create({ data: { userId: owner.userId, expiresAt: new Date(Date.now() + 3_600_000) }, select: { id: true } });
  user = (await loadSessionUser(session.id, owner.userId))!;
  for (let i = 1; i <= 3; i++) {
    const incident = await declareIncident(owner.userId, { teamId, title: `Database incident ${i}`, services: "api" });
    await createTask(owner.userId, { teamId, incidentId: incident.id, title: `Follow-up ${i}`, type: "CORRECTIVE", ownerId: owner.userId, dueDate: "2020-01-01" });
  }
});

async function countStatements(work: () => Promise<unknown>) {
  const statements = (await captureQueries(work, { transactionControl: true })).map((q) => q.sql);
  return { count: statements.length, statements };
}

/** The statements of one team page view: session, team context with its shell, then `page`. */
async function teamPageView(page: (context: NonNullable<Awaited<ReturnType<typeof loadTeamContext>>>) => Promise<unknown>) {
  return countStatements(async () => {
    const signedIn = await loadSessionUser(user.sessionId, user.id);
    const context = await loadTeamContext(signedIn!, slug);
    await page(context!);
  });
}

describe("statements per list page view", () => {
  it("the team's context and navigation are one statement, with the capped overdue count", async () => {
    const { count } = await countStatements(() => loadTeamContext(user, slug));
    expect(count).toBe(1);
    const context = await loadTeamContext(user, slug);
    expect(context?.shell.overdue).toBe(3);
    expect(context?.shell.teams.map((t) => t.slug)).toContain(slug);
  });

  it("the incident list: 3", async () => {
    const filters = incidentFiltersSchema.parse({});
    let found = 0;
    const view = await teamPageView(async ({ actor, team }) => {
      const { page, options } = await listIncidentsWithOptions(actor, team.id, filters, team.timeZone);
      found = page.items.length;
      expect(options.services).toEqual(["api"]);
    });
    expect(found).toBe(3);
    expect(view.statements).toHaveLength(3);
  });

  it("a search: 3", async () => {
    const filters = incidentFiltersSchema.parse({ q: "database", severity: ["SEV3"] });
    let found = 0;
    const view = await teamPageView(async ({ actor, team }) => {
      found = (await listIncidentsWithOptions(actor, team.id, filters, team.timeZone)).page.items.length;
    });
    expect(found).toBe(3);
    expect(view.statements).toHaveLength(3);
  });

  it("the task board, filtered by incident too: 4", async () => {
    const filters = taskFiltersSchema.parse({ incident: "2", due: "overdue" });
    let found = 0;
    const view = await teamPageView(async ({ actor, team }) => {
      const [page] = await Promise.all([listTeamTasks(actor, team.id, filters, team.timeZone), listMemberOptions(actor, team.id)]);
      found = page.items.length;
    });
    expect(found).toBe(1);
    expect(view.statements).toHaveLength(4);
  });

  it("the postmortems list: 4 (the page's approval counts come from the review page's own policy evaluation, in one batch)", async () => {
    const filters = postmortemFiltersSchema.parse({});
    const view = await teamPageView(({ actor, team }) => listPostmortems(actor, team.id, filters));
    expect(view.statements).toHaveLength(4);
  });

  it("My tasks: 3", async () => {
    let found = 0;
    const view = await countStatements(async () => {
      const signedIn = await loadSessionUser(user.sessionId, user.id);
      const [, page] = await Promise.all([loadUserShell(signedIn!.id), listMyTasks(signedIn!.id)]);
      found = page.items.length;
    });
    expect(found).toBe(3);
    expect(view.statements).toHaveLength(3);
  });
});
