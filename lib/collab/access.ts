import { db } from "@/lib/db";
import { can } from "@/lib/authz";
import { loadActor } from "@/lib/teams/actor";
import { verifyCollabToken } from "@/lib/collab/token";
import { postmortemIdFrom } from "@/lib/collab/document-name";

export type CollabContext = { userId: string; name: string; teamId: string; postmortemId: string; canEdit: boolean };

export class CollabAccessDenied extends Error {}

/**
 * Who may open a document's socket, decided when it opens: a valid token for this very
 * document, and — read fresh from the database — a member of the postmortem's team who is not
 * disabled. Editing needs both the token's grant and the current role.
 */
export async function authorizeConnection(token: string, documentName: string, secret: string): Promise<CollabContext> {
  const grant = verifyCollabToken(token, secret);
  const postmortemId = postmortemIdFrom(documentName);
  if (!grant || !postmortemId || grant.postmortemId !== postmortemId) throw new CollabAccessDenied("Invalid or expired token.");
  const postmortem = await db().postmortem.findUnique({ where: { id: postmortemId }, select: { teamId: true } });
  if (!postmortem || postmortem.teamId !== grant.teamId) throw new CollabAccessDenied("Not found.");
  const user = await db().user.findUnique({ where: { id: grant.userId }, select: { disabledAt: true, name: true } });
  if (!user || user.disabledAt) throw new CollabAccessDenied("Account disabled.");
  const actor = await loadActor(db(), grant.userId, postmortem.teamId);
  if (!can(actor, "postmortem.read", { teamId: postmortem.teamId })) throw new CollabAccessDenied("Not found.");
  const canEdit = grant.canEdit && can(actor, "postmortem.edit", { teamId: postmortem.teamId });
  return { userId: grant.userId, name: user.name, teamId: postmortem.teamId, postmortemId, canEdit };
}
