import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize, can } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/record";
import { parseInput } from "@/lib/validation";
import { loadActor } from "@/lib/teams/actor";
import { newApiSecret } from "@/lib/api/tokens/secrets";
import {
  createPersonalTokenSchema,
  createServiceTokenSchema,
  revokePersonalTokenSchema,
  revokeServiceTokenSchema,
  type TokenLifetime,
} from "@/lib/api/tokens/schema";

const DAY_MS = 24 * 60 * 60 * 1000;

function expiryOf(lifetime: TokenLifetime, now: Date): Date | null {
  return lifetime === "never" ? null : new Date(now.getTime() + Number(lifetime) * DAY_MS);
}

export type CreatedToken = { id: string; name: string; secret: string; prefix: string; expiresAt: Date | null };

/** A token acting as the user in the teams it names. Returns the secret once; only its hash is kept. */
export async function createPersonalToken(userId: string, input: unknown): Promise<CreatedToken> {
  const data = parseInput(createPersonalTokenSchema, input);
  const now = new Date();
  return db().$transaction(async (tx) => {
    for (const [teamId, access] of Object.entries(data.scopes)) {
      const actor = await loadActor(tx, userId, teamId);
      if (!actor) throw new AppError("VALIDATION", "Please correct the highlighted fields.", { scopes: ["Choose only teams you belong to."] });
      // A write scope for someone who cannot write would be a promise the token never keeps.
      if (access === "WRITE" && !can(actor, "incident.create", { teamId })) {
        throw new AppError("VALIDATION", "Please correct the highlighted fields.", { scopes: ["Your role allows read access only in one of the teams."] });
      }
    }
    const { secret, hash, prefix } = newApiSecret("PERSONAL");
    const token = await tx.apiToken.create({
      data: {
        kind: "PERSONAL",
        name: data.name,
        prefix,
        hash,
        userId,
        expiresAt: expiryOf(data.expiresIn, now),
        scopes: { create: Object.entries(data.scopes).map(([teamId, access]) => ({ teamId, access })) },
      },
      select: { id: true, name: true, prefix: true, expiresAt: true },
    });
    await auditEachTeam(tx, userId, "api_token.created", token.id, data.scopes, { kind: "PERSONAL", name: data.name });
    return { ...token, secret };
  });
}

export async function revokePersonalToken(userId: string, input: unknown) {
  const { tokenId } = parseInput(revokePersonalTokenSchema, input);
  return db().$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({
      where: { id: tokenId, userId, kind: "PERSONAL" },
      select: { id: true, name: true, revokedAt: true, scopes: { select: { teamId: true, access: true } } },
    });
    if (!token) throw new AppError("NOT_FOUND", "This token was not found.");
    if (token.revokedAt) return { id: token.id };
    await tx.apiToken.updateMany({ where: { id: token.id, userId, revokedAt: null }, data: { revokedAt: new Date() } });
    const scopes = Object.fromEntries(token.scopes.map((s) => [s.teamId, s.access]));
    await auditEachTeam(tx, userId, "api_token.revoked", token.id, scopes, { kind: "PERSONAL", name: token.name });
    return { id: token.id };
  });
}

/**
 * A token owned by the team rather than a person (CI, scripts). It acts as a user row of its own
 * that cannot sign in, so what it writes is attributed to it by name and outlives whoever made it.
 */
export async function createServiceToken(userId: string, input: unknown): Promise<CreatedToken> {
  const data = parseInput(createServiceTokenSchema, input);
  const now = new Date();
  return db().$transaction(async (tx) => {
    authorize(await loadActor(tx, userId, data.teamId), "apiToken.manage", { teamId: data.teamId });
    const bot = await tx.user.create({
      data: { name: `${data.name} (service token)`, email: `svc-${randomUUID()}@service-token.invalid`, passwordHash: null, disabledAt: now },
      select: { id: true },
    });
    const { secret, hash, prefix } = newApiSecret("SERVICE");
    const token = await tx.apiToken.create({
      data: {
        kind: "SERVICE",
        name: data.name,
        prefix,
        hash,
        userId: bot.id,
        teamId: data.teamId,
        expiresAt: expiryOf(data.expiresIn, now),
        scopes: { create: { teamId: data.teamId, access: data.access } },
      },
      select: { id: true, name: true, prefix: true, expiresAt: true },
    });
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "api_token.created", targetType: "api_token", targetId: token.id, data: { kind: "SERVICE", name: data.name, access: data.access } });
    return { ...token, secret };
  });
}

export async function revokeServiceToken(userId: string, input: unknown) {
  const { teamId, tokenId } = parseInput(revokeServiceTokenSchema, input);
  return db().$transaction(async (tx) => {
    authorize(await loadActor(tx, userId, teamId), "apiToken.manage", { teamId });
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, teamId, kind: "SERVICE" }, select: { id: true, name: true, revokedAt: true } });
    if (!token) throw new AppError("NOT_FOUND", "This token was not found.");
    if (token.revokedAt) return { id: token.id };
    await tx.apiToken.updateMany({ where: { id: token.id, teamId, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAudit(tx, { teamId, actorId: userId, action: "api_token.revoked", targetType: "api_token", targetId: token.id, data: { kind: "SERVICE", name: token.name } });
    return { id: token.id };
  });
}

/** A personal token touches several teams: each team's audit log shows what reaches into it. */
async function auditEachTeam(tx: Tx, userId: string, action: string, tokenId: string, scopes: Record<string, string>, data: Record<string, string>) {
  for (const [teamId, access] of Object.entries(scopes)) {
    await recordAudit(tx, { teamId, actorId: userId, action, targetType: "api_token", targetId: tokenId, data: { ...data, access } });
  }
}
