import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";

/**
 * Every permission decision in Hindsight is made here, from (actor, action, resource).
 * An actor outside the resource's team is told "not found", never "forbidden",
 * so ids from another team reveal nothing.
 */

export type Actor = { userId: string; teamId: string; role: Role } | null;

export type TeamAction =
  | "team.read"
  | "team.update"
  | "team.export"
  | "member.list"
  | "member.invite"
  | "member.changeRole"
  | "member.remove"
  | "invite.revoke"
  | "audit.read"
  | "incident.read"
  | "incident.create"
  | "incident.update"
  | "timeline.create"
  | "timeline.edit"
  | "timeline.star"
  | "service.create"
  | "severity.update"
  | "task.create"
  | "task.update"
  | "task.verify"
  | "postmortem.read"
  | "postmortem.create"
  | "postmortem.edit"
  | "postmortem.comment"
  | "postmortem.snapshot"
  | "postmortem.requestReview"
  | "postmortem.review"
  | "review.policy"
  | "postmortem.publish"
  | "publishing.settings"
  | "template.manage"
  | "apiToken.manage"
  | "outbound.manage"
  | "alertSource.manage"
  | "mail.outbox.read";

export type Resource = {
  teamId: string;
  /** For member actions: the role the target member has now. */
  targetRole?: Role;
  /** For invites and role changes: the role being granted. */
  grantedRole?: Role;
  /** For timeline events: who wrote it (null for system events). */
  authorId?: string | null;
  /** For tasks: who owns it. */
  ownerId?: string | null;
  /** For postmortem reviews: who wrote it (nobody approves their own). */
  postmortemAuthorId?: string | null;
};

const rank: Record<Role, number> = { VIEWER: 0, MEMBER: 1, ADMIN: 2, OWNER: 3 };

export function atLeast(role: Role, minimum: Role): boolean {
  return rank[role] >= rank[minimum];
}

/** Admins manage members up to their own level; only owners grant or touch OWNER. */
function canManage(actorRole: Role, resource: Resource): boolean {
  if (!atLeast(actorRole, "ADMIN")) return false;
  if (actorRole === "OWNER") return true;
  if (resource.targetRole === "OWNER" || resource.grantedRole === "OWNER") return false;
  return true;
}

export function can(actor: Actor, action: TeamAction, resource: Resource): boolean {
  if (!actor || actor.teamId !== resource.teamId) return false;
  switch (action) {
    case "team.read":
    case "member.list":
    case "incident.read":
    case "postmortem.read":
      return true;
    case "team.update":
    case "audit.read":
    case "severity.update":
    case "template.manage":
    case "review.policy":
    case "publishing.settings":
    case "apiToken.manage":
    case "outbound.manage":
    case "alertSource.manage":
    case "mail.outbox.read":
      return atLeast(actor.role, "ADMIN");
    case "incident.create":
    case "incident.update":
    case "timeline.create":
    case "timeline.star":
    case "service.create":
    case "task.create":
    case "task.update":
    case "postmortem.create":
    case "postmortem.edit":
    case "postmortem.comment":
    case "postmortem.snapshot":
    case "postmortem.requestReview":
    case "postmortem.publish":
      return atLeast(actor.role, "MEMBER");
    case "postmortem.review":
      // An approval only means something when someone other than the author gives it.
      return atLeast(actor.role, "MEMBER") && resource.postmortemAuthorId !== actor.userId;
    case "task.verify":
      // A check only means something when someone other than the owner makes it.
      return atLeast(actor.role, "MEMBER") && resource.ownerId !== actor.userId;
    case "timeline.edit":
      // System events are the record of what happened; nobody rewrites them.
      if (!resource.authorId) return false;
      return atLeast(actor.role, "ADMIN") || (atLeast(actor.role, "MEMBER") && resource.authorId === actor.userId);
    case "team.export":
      // The archive holds everything, internal passages and every member's e-mail included.
      return actor.role === "OWNER";
    case "member.invite":
    case "member.changeRole":
    case "member.remove":
    case "invite.revoke":
      return canManage(actor.role, resource);
  }
}

/**
 * The instance's operators (INSTANCE_ADMINS, by verified address) read every outgoing mail,
 * account mails included: those carry live sign-in links, so team admins never see them.
 */
export function isInstanceAdmin(user: { email: string; emailVerified: boolean }, admins: string | undefined): boolean {
  if (!user.emailVerified || !admins) return false;
  return admins.split(",").some((a) => a.trim().toLowerCase() === user.email.toLowerCase());
}

/** Throws NOT_FOUND for outsiders and FORBIDDEN for members without the right. */
export function authorize(actor: Actor, action: TeamAction, resource: Resource): void {
  if (!actor || actor.teamId !== resource.teamId) throw new AppError("NOT_FOUND", "This team was not found.");
  if (!can(actor, action, resource)) {
    throw new AppError("FORBIDDEN", "Your role in this team does not allow that.");
  }
}

export type TokenAccess = "READ" | "WRITE";

/** What an API token carries into a request: whose it is and what it may do in which team. */
export type TokenGrant = {
  tokenId: string;
  kind: "PERSONAL" | "SERVICE";
  /** The personal token's owner, or the service token's own user row. */
  userId: string;
  scopes: Record<string, TokenAccess>;
};

/**
 * The actor a token acts as in a team. A read scope acts as a viewer whatever the holder's role;
 * a write scope keeps the holder's role (a token never exceeds its owner). A service token belongs
 * to its team alone and acts as a member (write) or viewer (read). No scope for the team: no actor.
 */
export function tokenActor(grant: TokenGrant, teamId: string, memberRole: Role | null): Actor {
  const access = grant.scopes[teamId];
  if (!access) return null;
  if (grant.kind === "SERVICE") return { userId: grant.userId, teamId, role: access === "WRITE" ? "MEMBER" : "VIEWER" };
  if (!memberRole) return null;
  return { userId: grant.userId, teamId, role: access === "WRITE" ? memberRole : "VIEWER" };
}
