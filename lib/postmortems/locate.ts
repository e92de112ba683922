import { db, type Tx } from "@/lib/db";
import { authorize, type TeamAction } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { loadActor } from "@/lib/teams/actor";

/**
 * The postmortem of a team's incident as its URL names it (/t/<team>/incidents/<number>), for a
 * user allowed `action` on it: NOT_FOUND for a team they are not in or a postmortem that does not
 * exist, FORBIDDEN for a role that may not.
 */
export async function locatePostmortem(client: Tx | ReturnType<typeof db>, userId: string, teamSlug: string, incidentNumber: number, action: TeamAction) {
  const team = await client.team.findUnique({ where: { slug: teamSlug }, select: { id: true } });
  const actor = team ? await loadActor(client, userId, team.id) : null;
  if (!team || !actor) throw notFound("This postmortem");
  authorize(actor, action, { teamId: team.id });
  const postmortem = Number.isSafeInteger(incidentNumber)
    ? await client.postmortem.findFirst({ where: { teamId: team.id, incident: { number: incidentNumber } }, select: { id: true, incidentId: true } })
    : null;
  if (!postmortem) throw notFound("This postmortem");
  return { actor, teamId: team.id, postmortemId: postmortem.id, incidentId: postmortem.incidentId };
}
