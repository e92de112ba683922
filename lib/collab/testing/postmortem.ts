import { declareIncident } from "@/lib/incidents/mutations";
import { startPostmortem } from "@/lib/postmortems/mutations";
import { createTeamWith } from "@/lib/testing/factories";

/** A team with a member, a viewer and an admin, and a postmortem they can open; `grant` makes a collab token's grant. */
export async function postmortemForTest() {
  const ctx = await createTeamWith(["MEMBER", "VIEWER", "ADMIN"]);
  const incident = await declareIncident(ctx.owner.userId, { teamId: ctx.team.id, title: "Reports stopped" });
  const postmortem = await startPostmortem(ctx.owner.userId, { teamId: ctx.team.id, incidentId: incident.id, templateId: "builtin:standard", title: "Reports stopped" });
  const grant = (userId: string, canEdit = true) => ({ userId, teamId: ctx.team.id, postmortemId: postmortem.id, canEdit });
  return { ...ctx, postmortemId: postmortem.id, grant };
}
