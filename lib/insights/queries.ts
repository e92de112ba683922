import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Actor } from "@/lib/authz";
import { resolvePeriod, type InsightsFilters } from "@/lib/insights/schema";
import type { Scope } from "@/lib/insights/scope";
import { responseTimes } from "@/lib/insights/response-times";
import { volume } from "@/lib/insights/volume";
import { followThrough } from "@/lib/insights/follow-through";
import { postmortemInsights } from "@/lib/insights/postmortems";
import { repeatIncidents } from "@/lib/insights/repeats";

export type TeamRef = { id: string; slug: string; name: string; timeZone: string };

export const PANELS = {
  responseTimes,
  volume,
  followThrough,
  postmortems: postmortemInsights,
  repeats: repeatIncidents,
} as const;
export type PanelName = keyof typeof PANELS;

export type Insights = {
  scope: Scope;
  teams: TeamRef[];
  responseTimes: Awaited<ReturnType<typeof responseTimes>>;
  volume: Awaited<ReturnType<typeof volume>>;
  followThrough: Awaited<ReturnType<typeof followThrough>>;
  postmortems: Awaited<ReturnType<typeof postmortemInsights>>;
  repeats: Awaited<ReturnType<typeof repeatIncidents>>;
};

async function loadAll(scope: Scope, teams: TeamRef[]): Promise<Insights> {
  const [rt, vol, follow, pm, rep] = await Promise.all([
    responseTimes(scope),
    volume(scope),
    followThrough(scope),
    postmortemInsights(scope),
    repeatIncidents(scope),
  ]);
  return { scope, teams, responseTimes: rt, volume: vol, followThrough: follow, postmortems: pm, repeats: rep };
}

/** A team's scope after the read check: members only, counted in the team's zone. */
export function teamScope(actor: Actor, team: TeamRef, filters: InsightsFilters, now = new Date()): Scope {
  authorize(actor, "incident.read", { teamId: team.id });
  return { teamIds: [team.id], timeZone: team.timeZone, period: resolvePeriod(filters, team.timeZone, now), filters };
}

export async function teamInsights(actor: Actor, team: TeamRef, filters: InsightsFilters, now = new Date()): Promise<Insights> {
  return loadAll(teamScope(actor, team, filters, now), [team]);
}

/** The teams a user belongs to, by name: the cross-team view reads exactly these. */
export async function memberTeams(userId: string): Promise<TeamRef[]> {
  return db().$queryRaw<TeamRef[]>`
    SELECT t.id, t.slug, t.name, t."timeZone" FROM "Membership" m JOIN "Team" t ON t.id = m."teamId"
     WHERE m."userId" = ${userId} ORDER BY t.name, t.id LIMIT 200`;
}

/**
 * Teams in different zones cannot share one week boundary: the view counts in their zone when
 * they all agree and in UTC otherwise (the page says which).
 */
export function crossTeamScope(teams: TeamRef[], filters: InsightsFilters, now = new Date()): Scope {
  const zones = new Set(teams.map((t) => t.timeZone));
  const timeZone = zones.size === 1 ? [...zones][0]! : "UTC";
  return { teamIds: teams.length ? teams.map((t) => t.id) : [""], timeZone, period: resolvePeriod(filters, timeZone, now), filters };
}

export async function crossTeamInsights(userId: string, filters: InsightsFilters, now = new Date()): Promise<Insights> {
  const teams = await memberTeams(userId);
  return loadAll(crossTeamScope(teams, filters, now), teams);
}

/** The services the filter offers: every service of the scope's teams, by name. */
export async function serviceNames(scope: Scope): Promise<string[]> {
  const rows = await db().$queryRaw<{ name: string }[]>`
    SELECT DISTINCT s.name FROM "Service" s WHERE s."teamId" IN (${Prisma.join(scope.teamIds)}) ORDER BY s.name LIMIT 500`;
  return rows.map((r) => r.name);
}
