import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type OAuthIdentity = {
  provider: string;
  providerAccountId: string;
  email?: string | null;
  emailVerified: boolean;
  name?: string | null;
  image?: string | null;
};

/**
 * The local user for an OAuth identity: the linked one, else an existing account with the same
 * verified email (linked now), else a new user. Unverified emails never link to an existing
 * account, which would let anyone claim it.
 */
export async function resolveOAuthUser(identity: OAuthIdentity): Promise<{ id: string; disabled: boolean }> {
  const { provider, providerAccountId } = identity;
  return db().$transaction(async (tx) => {
    const linked = await tx.account.findUnique({
      where: { provider_providerAccountId: { provider, providerAccountId } },
      select: { user: { select: { id: true, disabledAt: true } } },
    });
    if (linked) return { id: linked.user.id, disabled: linked.user.disabledAt !== null };

    const email = identity.email?.trim().toLowerCase();
    if (!email) throw new AppError("VALIDATION", "Your identity provider did not share an email address.");
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true, disabledAt: true } });
    if (existing && !identity.emailVerified) {
      throw new AppError("CONFLICT", "An account with this email exists. Sign in with your password first.");
    }
    const user =
      existing ??
      (await tx.user.create({
        data: {
          email,
          name: identity.name?.trim() || email.split("@")[0] || email,
          image: identity.image ?? null,
          emailVerified: identity.emailVerified ? new Date() : null,
        },
        select: { id: true, disabledAt: true },
      }));
    await tx.account.create({ data: { userId: user.id, provider, providerAccountId } });
    await tx.auditEvent.create({
      data: { actorId: user.id, action: "user.oauth_linked", targetType: "user", targetId: user.id, data: { provider } },
    });
    return { id: user.id, disabled: user.disabledAt !== null };
  });
}
