import { db } from "@/lib/db";

export type OAuthIdentity = {
  provider: string;
  providerAccountId: string;
  email?: string | null;
  /** The identity provider vouches for the address (OIDC `email_verified`). */
  emailVerified: boolean;
  name?: string | null;
  image?: string | null;
};

/** Why an OAuth sign-in or link was refused; the sign-in and settings pages explain each. */
export type OAuthRefusal = "OAuthAccountExists" | "OAuthNoEmail" | "AccountDisabled" | "IdentityTaken";

export type OAuthOutcome = { ok: true; userId: string } | { ok: false; refusal: OAuthRefusal };

/**
 * The local user for an OAuth sign-in: the one the identity is linked to, else an existing
 * account with this email when both sides have verified it (linked now), else a new user.
 * A password account's email is not verified (verification arrives with e-mail delivery), so
 * it is never taken over this way: its owner links the identity from settings while signed in.
 */
export async function resolveOAuthUser(identity: OAuthIdentity): Promise<OAuthOutcome> {
  const { provider, providerAccountId } = identity;
  return db().$transaction(async (tx) => {
    const linked = await tx.account.findUnique({
      where: { provider_providerAccountId: { provider, providerAccountId } },
      select: { user: { select: { id: true, disabledAt: true } } },
    });
    if (linked) return linked.user.disabledAt ? { ok: false, refusal: "AccountDisabled" } : { ok: true, userId: linked.user.id };

    const email = identity.email?.trim().toLowerCase();
    if (!email) return { ok: false, refusal: "OAuthNoEmail" };
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true, disabledAt: true, emailVerified: true } });
    if (existing && !(existing.emailVerified && identity.emailVerified)) return { ok: false, refusal: "OAuthAccountExists" };
    if (existing?.disabledAt) return { ok: false, refusal: "AccountDisabled" };
    const user =
      existing ??
      (await tx.user.create({
        data: {
          email,
          name: identity.name?.trim() || email.split("@")[0] || email,
          image: identity.image ?? null,
          emailVerified: identity.emailVerified ? new Date() : null,
        },
        select: { id: true },
      }));
    await tx.account.create({ data: { userId: user.id, provider, providerAccountId } });
    await tx.auditEvent.create({
      data: { actorId: user.id, action: existing ? "user.oauth_linked" : "user.signed_up", targetType: "user", targetId: user.id, data: { provider } },
    });
    return { ok: true, userId: user.id };
  });
}

/** Links an identity to the signed-in user who asked for it from their settings. */
export async function linkIdentityToUser(userId: string, identity: OAuthIdentity): Promise<OAuthOutcome> {
  const { provider, providerAccountId } = identity;
  return db().$transaction(async (tx) => {
    const linked = await tx.account.findUnique({ where: { provider_providerAccountId: { provider, providerAccountId } }, select: { userId: true } });
    if (linked) return linked.userId === userId ? { ok: true, userId } : { ok: false, refusal: "IdentityTaken" };
    await tx.account.create({ data: { userId, provider, providerAccountId } });
    await tx.auditEvent.create({
      data: { actorId: userId, action: "user.oauth_linked", targetType: "user", targetId: userId, data: { provider } },
    });
    return { ok: true, userId };
  });
}

/** The user an identity signs in as, once resolved or linked. */
export async function linkedUserId(provider: string, providerAccountId: string): Promise<string | null> {
  const account = await db().account.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId } },
    select: { userId: true },
  });
  return account?.userId ?? null;
}

export type LinkedIdentity = { provider: string; createdAt: Date };

export async function listLinkedIdentities(userId: string): Promise<LinkedIdentity[]> {
  return db().account.findMany({ where: { userId }, select: { provider: true, createdAt: true }, orderBy: { createdAt: "asc" } });
}
