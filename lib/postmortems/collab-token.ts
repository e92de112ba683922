import { db } from "@/lib/db";
import { can } from "@/lib/authz";
import { env } from "@/lib/env";
import { locatePostmortem } from "@/lib/postmortems/locate";
import { signCollabToken } from "@/lib/collab/token";

/** A short-lived token for the collaboration server: who, which postmortem, and whether they may edit it. */
export async function issueCollabToken(userId: string, teamSlug: string, incidentNumber: number) {
  const { actor, teamId, postmortemId } = await locatePostmortem(db(), userId, teamSlug, incidentNumber, "postmortem.read");
  const canEdit = can(actor, "postmortem.edit", { teamId });
  return signCollabToken({ userId, teamId, postmortemId, canEdit }, env().NEXTAUTH_SECRET);
}
