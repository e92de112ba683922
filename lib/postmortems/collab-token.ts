import { db } from "@/lib/db";
import { can } from "@/lib/authz";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { loadActor } from "@/lib/teams/actor";
import { signCollabToken } from "@/lib/collab/token";

/** A short-lived token for the collaboration server: who, which postmortem, and whether they may edit it. */
export async function issueCollabToken(userId: string, teamSlug: string, incidentNumber: number) {
  const team = await db().team.findUnique({ where: { slug: teamSlug }, select: { id: true } });
  const actor = team ? await loadActor(db(), userId, team.id) : null;
  if (!team || !actor || !can(actor, "postmortem.read", { teamId: team.id }) || !Number.isSafeInteger(incidentNumber)) throw notFound("This postmortem");
  const postmortem = await db().postmortem.findFirst({ where: { teamId: team.id, incident: { number: incidentNumber } }, select: { id: true } });
  if (!postmortem) throw notFound("This postmortem");
  const canEdit = can(actor, "postmortem.edit", { teamId: team.id });
  return signCollabToken({ userId, teamId: team.id, postmortemId: postmortem.id, canEdit }, env().NEXTAUTH_SECRET);
}
