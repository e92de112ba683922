import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/record";
import { parseInput } from "@/lib/validation";
import { loadActor } from "@/lib/teams/actor";
import { changeRoleSchema, leaveTeamSchema, removeMemberSchema } from "@/lib/teams/schema";
import { notifyAccessChanged } from "@/lib/realtime/notify";

/**
 * Serialises membership changes per team: two owners demoting each other at once
 * must not leave the team with none.
 */
async function lockTeam(tx: Tx, teamId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Team" WHERE id = ${teamId} FOR UPDATE`;
}

async function assertAnotherOwner(tx: Tx, teamId: string, membershipId: string, message: string): Promise<void> {
  const others = await tx.membership.count({ where: { teamId, role: "OWNER", id: { not: membershipId } } });
  if (others === 0) throw new AppError("CONFLICT", message);
}

async function findMember(tx: Tx, teamId: string, membershipId: string) {
  return tx.membership.findFirst({
    where: { id: membershipId, teamId },
    select: { id: true, role: true, userId: true, user: { select: { name: true } } },
  });
}

export async function changeRole(userId: string, input: unknown) {
  const { teamId, membershipId, role } = parseInput(changeRoleSchema, input);
  return db().$transaction(async (tx) => {
    await lockTeam(tx, teamId);
    const actor = await loadActor(tx, userId, teamId);
    const target = await findMember(tx, teamId, membershipId);
    authorize(actor, "member.changeRole", { teamId, targetRole: target?.role, grantedRole: role });
    if (!target) throw new AppError("NOT_FOUND", "This member was not found.");
    if (target.role === role) return target;
    if (target.role === "OWNER") {
      await assertAnotherOwner(tx, teamId, target.id, "A team needs at least one owner. Make someone else an owner first.");
    }
    const updated = await tx.membership.update({ where: { id: target.id, teamId }, data: { role }, select: { id: true, role: true, userId: true } });
    await recordAudit(tx, {
      teamId,
      actorId: userId,
      action: "member.role_changed",
      targetType: "membership",
      targetId: target.id,
      data: { userId: target.userId, from: target.role, to: role },
    });
    await notifyAccessChanged(tx, teamId, target.userId);
    return updated;
  });
}

export async function removeMember(userId: string, input: unknown) {
  const { teamId, membershipId } = parseInput(removeMemberSchema, input);
  return db().$transaction(async (tx) => {
    await lockTeam(tx, teamId);
    const actor = await loadActor(tx, userId, teamId);
    const target = await findMember(tx, teamId, membershipId);
    authorize(actor, "member.remove", { teamId, targetRole: target?.role });
    if (!target) throw new AppError("NOT_FOUND", "This member was not found.");
    if (target.role === "OWNER") {
      await assertAnotherOwner(tx, teamId, target.id, "The last owner cannot be removed. Make someone else an owner first.");
    }
    await tx.membership.delete({ where: { id: target.id, teamId } });
    await recordAudit(tx, {
      teamId,
      actorId: userId,
      action: "member.removed",
      targetType: "membership",
      targetId: target.id,
      data: { userId: target.userId, role: target.role, name: target.user.name },
    });
    await notifyAccessChanged(tx, teamId, target.userId);
    return { id: target.id };
  });
}

export async function leaveTeam(userId: string, input: unknown) {
  const { teamId } = parseInput(leaveTeamSchema, input);
  return db().$transaction(async (tx) => {
    await lockTeam(tx, teamId);
    const membership = await tx.membership.findUnique({ where: { teamId_userId: { teamId, userId } }, select: { id: true, role: true } });
    if (!membership) throw new AppError("NOT_FOUND", "This team was not found.");
    if (membership.role === "OWNER") {
      await assertAnotherOwner(tx, teamId, membership.id, "You are the last owner. Make someone else an owner before leaving.");
    }
    await tx.membership.delete({ where: { id: membership.id } });
    await recordAudit(tx, { teamId, actorId: userId, action: "member.left", targetType: "membership", targetId: membership.id, data: { role: membership.role } });
    await notifyAccessChanged(tx, teamId, userId);
    return { id: membership.id };
  });
}
