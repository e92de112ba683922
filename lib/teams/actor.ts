import { cache } from "react";
import { notFound } from "next/navigation";
import { db, type Tx } from "@/lib/db";
import { tokenActor, type Actor } from "@/lib/authz";
import { currentGrant } from "@/lib/api/tokens/grant-context";
import { requireUser } from "@/lib/auth/current-user";
import type { SessionUser } from "@/lib/auth/sessions";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { overdueCountSql } from "@/lib/tasks/queries";
import { unreadCountSql } from "@/lib/notifications/queries";
import { AppError } from "@/lib/errors";

/** The team switcher lists at most this many teams. */
const MY_TEAMS_LIMIT = 200;

/**
 * The user's role in a team, read fresh: removing a member takes effect on their next request.
 * Inside an API request the token's scope caps it, so no mutation can act beyond its token.
 */
export async function loadActor(client: Tx | ReturnType<typeof db>, userId: string, teamId: string): Promise<Actor> {
  const grant = currentGrant();
  if (grant?.userId === userId) {
    if (grant.kind === "SERVICE") return tokenActor(grant, teamId, null);
    const member = await client.membership.findUnique({ where: { teamId_userId: { teamId, userId } }, select: { role: true } });
    return tokenActor(grant, teamId, member?.role ?? null);
  }
  const membership = await client.membership.findUnique({
    where: { teamId_userId: { teamId, userId } },
    select: { role: true },
  });
  return membership ? { userId, teamId, role: membership.role } : null;
}

export type TeamLink = { id: string; slug: string; name: string; role: Role };

type ContextRow = {
  role: Role;
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  requireTaskVerification: boolean;
  teams: TeamLink[];
  overdue: number;
  unread: number;
};

/** The user's teams for the switcher, by name, as a JSON array subquery. */
const myTeamsSql = (userId: string) => Prisma.sql`(SELECT COALESCE(json_agg(json_build_object('id', mine.id, 'slug', mine.slug, 'name', mine.name, 'role', mine.role) ORDER BY mine.name, mine.id), '[]')
  FROM (SELECT t.id, t.slug, t.name, m.role FROM "Membership" m JOIN "Team" t ON t.id = m."teamId"
         WHERE m."userId" = ${userId} ORDER BY t.name, t.id LIMIT ${MY_TEAMS_LIMIT}) mine)`;

/** What the header shows on pages outside a team (My tasks): the user's teams and unread count, in one statement. */
export async function loadUserShell(userId: string): Promise<{ teams: TeamLink[]; unread: number }> {
  const [row] = await db().$queryRaw<{ teams: TeamLink[]; unread: number }[]>`SELECT ${myTeamsSql(userId)} AS teams, ${unreadCountSql(userId)} AS unread`;
  return row ?? { teams: [], unread: 0 };
}

/**
 * The member's team by slug, with what the team's navigation shows (their teams, the capped
 * overdue count, unread notifications), in one statement: every team page needs all of it.
 * Null when the user is not a member. "Today" is the team's day, as the task board counts it.
 */
export async function loadTeamContext(user: SessionUser, slug: string) {
  const [row] = await db().$queryRaw<ContextRow[]>`
    SELECT m.role, t.id, t.slug, t.name, t."timeZone", t."requireTaskVerification",
           ${myTeamsSql(user.id)} AS teams,
           ${overdueCountSql(Prisma.sql`t.id`, Prisma.sql`(now() AT TIME ZONE t."timeZone")::date`)} AS overdue,
           ${unreadCountSql(user.id)} AS unread
      FROM "Membership" m JOIN "Team" t ON t.id = m."teamId"
     WHERE m."userId" = ${user.id} AND t.slug = ${slug}`;
  if (!row) return null;
  const { role, teams, overdue, unread, ...team } = row;
  const actor = { userId: user.id, teamId: team.id, role } as const;
  return { user, team, actor, shell: { teams, overdue, unread } };
}

/** For pages under /t/[team]: the signed-in member and their team, or a 404 for anyone else. */
export const requireTeamContext = cache(async (slug: string) => {
  const user = await requireUser(`/t/${slug}`);
  const context = await loadTeamContext(user, slug);
  if (!context) notFound();
  return context;
});

export type TeamContext = Awaited<ReturnType<typeof requireTeamContext>>;

/** The name of a team member chosen in a form (an owner, a commander), or a field error naming `field`. */
export async function memberNameOrFieldError(tx: Tx, teamId: string, userId: string, field: string): Promise<string> {
  const member = await tx.membership.findUnique({ where: { teamId_userId: { teamId, userId } }, select: { user: { select: { name: true } } } });
  if (!member) throw new AppError("VALIDATION", "Please correct the highlighted fields.", { [field]: ["Choose a member of this team."] });
  return member.user.name;
}
