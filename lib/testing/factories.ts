import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { signUp } from "@/lib/auth/sign-up";

export const uniqueEmail = (prefix = "user") => `${prefix}-${randomUUID().slice(0, 12)}@example.test`;
export const uniqueSlug = (prefix = "team") => `${prefix}-${randomUUID().slice(0, 12)}`;

export async function createUser(overrides: { name?: string; email?: string; passwordHash?: string | null } = {}) {
  return db().user.create({
    data: { name: overrides.name ?? "Test User", email: overrides.email ?? uniqueEmail(), passwordHash: overrides.passwordHash ?? null },
    select: { id: true, email: true, name: true },
  });
}

/** A team with an owner and, optionally, one member per extra role. */
export async function createTeamWith(roles: Role[] = []) {
  const owner = await createUser({ name: "Owner" });
  const team = await db().team.create({
    data: { name: "Test Team", slug: uniqueSlug(), timeZone: "Africa/Cairo", memberships: { create: { userId: owner.id, role: "OWNER" } } },
    select: { id: true, slug: true, name: true, timeZone: true },
  });
  const members: Record<string, { userId: string; membershipId: string }> = {};
  for (const role of roles) {
    const user = await createUser({ name: `${role} user` });
    const membership = await db().membership.create({ data: { teamId: team.id, userId: user.id, role }, select: { id: true } });
    members[role] = { userId: user.id, membershipId: membership.id };
  }
  const ownerMembership = await db().membership.findUniqueOrThrow({ where: { teamId_userId: { teamId: team.id, userId: owner.id } } });
  return { team, owner: { userId: owner.id, membershipId: ownerMembership.id }, members };
}

/** Signs up through the real flow (which answers the same for taken addresses) and returns the account. */
export async function signedUp(input: { name: string; email: string; password: string }, ip: string) {
  await signUp(input, ip);
  return db().user.findUniqueOrThrow({ where: { email: input.email.toLowerCase() }, select: { id: true, email: true, name: true } });
}
