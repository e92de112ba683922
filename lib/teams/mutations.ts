import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/record";
import { parseInput } from "@/lib/validation";
import { isUniqueViolation } from "@/lib/prisma-errors";
import { loadActor } from "@/lib/teams/actor";
import { createTeamSchema, updateTeamSchema } from "@/lib/teams/schema";

const slugTaken = () =>
  new AppError("CONFLICT", "That team URL is taken.", { slug: ["That URL is taken. Choose another."] });

export async function createTeam(userId: string, input: unknown) {
  const data = parseInput(createTeamSchema, input);
  try {
    return await db().$transaction(async (tx) => {
      const team = await tx.team.create({
        data: { ...data, memberships: { create: { userId, role: "OWNER" } } },
        select: { id: true, slug: true, name: true },
      });
      await recordAudit(tx, {
        teamId: team.id,
        actorId: userId,
        action: "team.created",
        targetType: "team",
        targetId: team.id,
        data: { name: team.name, slug: team.slug },
      });
      return team;
    });
  } catch (error) {
    if (isUniqueViolation(error, "slug")) throw slugTaken();
    throw error;
  }
}

export async function updateTeam(userId: string, input: unknown) {
  const { teamId, ...data } = parseInput(updateTeamSchema, input);
  try {
    return await db().$transaction(async (tx) => {
      authorize(await loadActor(tx, userId, teamId), "team.update", { teamId });
      const before = await tx.team.findUniqueOrThrow({ where: { id: teamId }, select: { name: true, slug: true, timeZone: true } });
      const team = await tx.team.update({ where: { id: teamId }, data, select: { id: true, slug: true, name: true } });
      await recordAudit(tx, {
        teamId,
        actorId: userId,
        action: "team.updated",
        targetType: "team",
        targetId: teamId,
        data: { before, after: data },
      });
      return team;
    });
  } catch (error) {
    if (isUniqueViolation(error, "slug")) throw slugTaken();
    throw error;
  }
}
