import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/record";
import { parseInput } from "@/lib/validation";
import { loadActor } from "@/lib/teams/actor";
import { hashToken, newToken } from "@/lib/teams/tokens";
import { queueInviteMail } from "@/lib/auth/account-mail";
import { RateLimitedError, consume, waitPhrase } from "@/lib/auth/rate-limit";
import { publicOrigin } from "@/lib/publishing/origin";
import { createInviteSchema, inviteTokenSchema, revokeInviteSchema } from "@/lib/teams/schema";

const DAY_MS = 24 * 60 * 60 * 1000;
const INVITE_MAIL_LIMIT = { max: 30, windowMs: 60 * 60_000 };

/** Returns the raw token once; it is never stored and cannot be shown again. */
export async function createInvite(userId: string, input: unknown) {
  const { teamId, role, expiresInDays, email } = parseInput(createInviteSchema, input);
  if (email) {
    const wait = await consume(`invite-mail:${userId}`, INVITE_MAIL_LIMIT);
    if (wait > 0) throw new RateLimitedError(`You sent many invitations already. Try again in ${waitPhrase(wait)}, or copy the link instead.`, wait);
  }
  return db().$transaction(async (tx) => {
    authorize(await loadActor(tx, userId, teamId), "member.invite", { teamId, grantedRole: role });
    const token = newToken();
    const invite = await tx.invite.create({
      data: { teamId, role, createdById: userId, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + expiresInDays * DAY_MS) },
      select: { id: true, role: true, expiresAt: true },
    });
    await recordAudit(tx, {
      teamId,
      actorId: userId,
      action: "invite.created",
      targetType: "invite",
      targetId: invite.id,
      data: { role, expiresAt: invite.expiresAt.toISOString(), ...(email ? { email } : {}) },
    });
    if (email) {
      const [team, inviter] = await Promise.all([
        tx.team.findUniqueOrThrow({ where: { id: teamId }, select: { name: true } }),
        tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } }),
      ]);
      await queueInviteMail(tx, { teamId, teamName: team.name, inviterName: inviter.name, email, url: `${publicOrigin()}/invite/${token}` });
    }
    return { ...invite, token, email: email ?? null };
  });
}

export async function revokeInvite(userId: string, input: unknown) {
  const { teamId, inviteId } = parseInput(revokeInviteSchema, input);
  return db().$transaction(async (tx) => {
    const invite = await tx.invite.findFirst({ where: { id: inviteId, teamId }, select: { id: true, role: true, revokedAt: true } });
    const actor = await loadActor(tx, userId, teamId);
    authorize(actor, "invite.revoke", { teamId, grantedRole: invite?.role });
    if (!invite) throw new AppError("NOT_FOUND", "This invite was not found.");
    if (invite.revokedAt) return invite;
    const revoked = await tx.invite.update({ where: { id: invite.id, teamId }, data: { revokedAt: new Date() }, select: { id: true, role: true, revokedAt: true } });
    await recordAudit(tx, { teamId, actorId: userId, action: "invite.revoked", targetType: "invite", targetId: invite.id });
    return revoked;
  });
}

export type InviteStatus = "valid" | "expired" | "revoked";

/** What the invite page shows before the visitor accepts: the team and whether the link still works. */
export async function describeInvite(token: unknown) {
  const parsed = inviteTokenSchema.safeParse(token);
  if (!parsed.success) return null;
  const invite = await db().invite.findUnique({
    where: { tokenHash: hashToken(parsed.data) },
    select: { role: true, expiresAt: true, revokedAt: true, team: { select: { id: true, name: true, slug: true } }, createdBy: { select: { name: true } } },
  });
  if (!invite) return null;
  const status: InviteStatus = invite.revokedAt ? "revoked" : invite.expiresAt <= new Date() ? "expired" : "valid";
  return { ...invite, status };
}

export async function acceptInvite(userId: string, token: unknown) {
  const parsedToken = parseInput(inviteTokenSchema, token);
  return db().$transaction(async (tx) => {
    const invite = await tx.invite.findUnique({
      where: { tokenHash: hashToken(parsedToken) },
      select: { id: true, teamId: true, role: true, expiresAt: true, revokedAt: true, team: { select: { slug: true, name: true } } },
    });
    if (!invite) throw new AppError("NOT_FOUND", "This invite link is not valid. Ask for a new one.");
    if (invite.revokedAt) throw new AppError("GONE", "This invite was revoked. Ask a team admin for a new link.");
    if (invite.expiresAt <= new Date()) throw new AppError("GONE", "This invite has expired. Ask a team admin for a new link.");
    const existing = await tx.membership.findUnique({ where: { teamId_userId: { teamId: invite.teamId, userId } }, select: { id: true } });
    if (existing) throw new AppError("CONFLICT", `You are already a member of ${invite.team.name}.`);
    const membership = await tx.membership.create({
      data: { teamId: invite.teamId, userId, role: invite.role },
      select: { id: true, role: true },
    });
    await tx.invite.update({ where: { id: invite.id }, data: { useCount: { increment: 1 } } });
    await recordAudit(tx, {
      teamId: invite.teamId,
      actorId: userId,
      action: "member.joined",
      targetType: "membership",
      targetId: membership.id,
      data: { role: membership.role, inviteId: invite.id },
    });
    return { team: invite.team, role: membership.role };
  });
}
