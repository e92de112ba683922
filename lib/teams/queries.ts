import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/authz";

export async function listMyTeams(userId: string) {
  const memberships = await db().membership.findMany({
    where: { userId },
    orderBy: { team: { name: "asc" } },
    select: { role: true, team: { select: { id: true, slug: true, name: true } } },
    take: 200,
  });
  return memberships.map((m) => ({ ...m.team, role: m.role }));
}

export async function listMembers(actor: Actor, teamId: string) {
  authorize(actor, "member.list", { teamId });
  return db().membership.findMany({
    where: { teamId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true, image: true } } },
    take: 1000,
  });
}

export async function listActiveInvites(actor: Actor, teamId: string) {
  authorize(actor, "member.invite", { teamId });
  return db().invite.findMany({
    where: { teamId, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, role: true, expiresAt: true, createdAt: true, useCount: true, createdBy: { select: { name: true } } },
    take: 100,
  });
}
