import { cache } from "react";
import { notFound } from "next/navigation";
import { db, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/authz";
import { requireUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";

/** The user's role in a team, read fresh: removing a member takes effect on their next request. */
export async function loadActor(client: Tx | ReturnType<typeof db>, userId: string, teamId: string): Promise<Actor> {
  const membership = await client.membership.findUnique({
    where: { teamId_userId: { teamId, userId } },
    select: { role: true },
  });
  return membership ? { userId, teamId, role: membership.role } : null;
}

/** For pages under /t/[team]: the signed-in member and their team, or a 404 for anyone else. */
export const requireTeamContext = cache(async (slug: string) => {
  const user = await requireUser(`/t/${slug}`);
  const membership = await db().membership.findFirst({
    where: { userId: user.id, team: { slug } },
    select: { role: true, team: { select: { id: true, slug: true, name: true, timeZone: true, requireTaskVerification: true } } },
  });
  if (!membership) notFound();
  const actor = { userId: user.id, teamId: membership.team.id, role: membership.role } as const;
  return { user, team: membership.team, actor };
});

export type TeamContext = Awaited<ReturnType<typeof requireTeamContext>>;

/** The name of a team member chosen in a form (an owner, a commander), or a field error naming `field`. */
export async function memberNameOrFieldError(tx: Tx, teamId: string, userId: string, field: string): Promise<string> {
  const member = await tx.membership.findUnique({ where: { teamId_userId: { teamId, userId } }, select: { user: { select: { name: true } } } });
  if (!member) throw new AppError("VALIDATION", "Please correct the highlighted fields.", { [field]: ["Choose a member of this team."] });
  return member.user.name;
}
