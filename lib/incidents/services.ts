import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { authorize, can, type Actor } from "@/lib/authz";
import { AppError } from "@/lib/errors";

/** Ids for service names, creating the missing ones (case-insensitive match on existing names). */
export async function resolveServiceIds(tx: Tx, actor: Actor, teamId: string, names: string[]): Promise<string[]> {
  return serviceIdsByName(tx, teamId, names, () => {
    if (!can(actor, "service.create", { teamId })) throw new AppError("FORBIDDEN", "Your role cannot add services.");
  });
}

/**
 * For the system acting on an admin's standing instruction (an alert routing rule): the admin who
 * wrote the rule could add services, so missing ones are created.
 */
export async function resolveServiceIdsForRule(tx: Tx, teamId: string, names: string[]): Promise<string[]> {
  return serviceIdsByName(tx, teamId, names, () => undefined);
}

async function serviceIdsByName(tx: Tx, teamId: string, names: string[], checkMayCreate: () => void): Promise<string[]> {
  if (names.length === 0) return [];
  const existing = await tx.service.findMany({
    where: { teamId, name: { in: names, mode: "insensitive" } },
    select: { id: true, name: true },
  });
  const byName = new Map(existing.map((s) => [s.name.toLowerCase(), s.id]));
  const missing = names.filter((n) => !byName.has(n.toLowerCase()));
  if (missing.length > 0) {
    checkMayCreate();
    for (const name of missing) {
      const created = await tx.service.upsert({
        where: { teamId_name: { teamId, name } },
        create: { teamId, name },
        update: {},
        select: { id: true },
      });
      byName.set(name.toLowerCase(), created.id);
    }
  }
  return names.map((n) => byName.get(n.toLowerCase())).filter((id): id is string => Boolean(id));
}

export async function listServices(actor: Actor, teamId: string) {
  authorize(actor, "incident.read", { teamId });
  return db().service.findMany({ where: { teamId }, orderBy: { name: "asc" }, select: { id: true, name: true }, take: 500 });
}
