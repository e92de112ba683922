import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { linkIdentityToUser, linkedUserId, resolveOAuthUser, type OAuthIdentity } from "@/lib/auth/oauth-users";
import { randomIp } from "@/lib/auth/test-ips";
import { signedUp, uniqueEmail } from "@/lib/testing/factories";

const identity = (email: string, emailVerified = true): OAuthIdentity => ({
  provider: "oidc",
  providerAccountId: randomUUID(),
  email,
  emailVerified,
  name: "Idp User",
});

describe("OAuth sign-in", () => {
  it("creates an account for a new identity and signs the same identity in again", async () => {
    const id = identity(uniqueEmail());
    const first = await resolveOAuthUser(id);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const user = await db().user.findUniqueOrThrow({ where: { id: first.userId }, select: { passwordHash: true, emailVerified: true } });
    expect(user.passwordHash).toBeNull();
    expect(user.emailVerified).not.toBeNull();
    expect(await linkedUserId(id.provider, id.providerAccountId)).toBe(first.userId);
    expect(await resolveOAuthUser(id)).toEqual({ ok: true, userId: first.userId });
  });

  it("never links to a password account, whose email nobody has verified", async () => {
    const email = uniqueEmail();
    const owner = await signedUp({ name: "Owner", email, password: "correct horse battery" }, randomIp());
    for (const verifiedByIdp of [true, false]) {
      const id = identity(email.toUpperCase(), verifiedByIdp);
      expect(await resolveOAuthUser(id)).toEqual({ ok: false, refusal: "OAuthAccountExists" });
      expect(await linkedUserId(id.provider, id.providerAccountId)).toBeNull();
    }
    expect(await db().account.count({ where: { userId: owner.id } })).toBe(0);
  });

  it("links to an account whose email is verified only when the provider verified it too", async () => {
    const email = uniqueEmail();
    const first = await resolveOAuthUser({ ...identity(email), provider: "github" });
    expect(first.ok).toBe(true);
    expect(await resolveOAuthUser(identity(email, false))).toEqual({ ok: false, refusal: "OAuthAccountExists" });
    const second = await resolveOAuthUser(identity(email, true));
    expect(second).toEqual(first);
  });

  it("refuses an identity without an email and a disabled account", async () => {
    expect(await resolveOAuthUser({ ...identity(""), email: null })).toEqual({ ok: false, refusal: "OAuthNoEmail" });
    const id = identity(uniqueEmail());
    const created = await resolveOAuthUser(id);
    if (!created.ok) throw new Error("not created");
    await db().user.update({ where: { id: created.userId }, data: { disabledAt: new Date() } });
    expect(await resolveOAuthUser(id)).toEqual({ ok: false, refusal: "AccountDisabled" });
  });
});

describe("linking from settings", () => {
  it("links an identity to the signed-in password user, once, and not to anyone else", async () => {
    const email = uniqueEmail();
    const owner = await signedUp({ name: "Owner", email, password: "correct horse battery" }, randomIp());
    const id = identity(email);
    expect(await linkIdentityToUser(owner.id, id)).toEqual({ ok: true, userId: owner.id });
    expect(await linkIdentityToUser(owner.id, id)).toEqual({ ok: true, userId: owner.id });
    expect(await resolveOAuthUser(id)).toEqual({ ok: true, userId: owner.id });

    const other = await signedUp({ name: "Other", email: uniqueEmail(), password: "correct horse battery" }, randomIp());
    expect(await linkIdentityToUser(other.id, id)).toEqual({ ok: false, refusal: "IdentityTaken" });
    const audit = await db().auditEvent.count({ where: { actorId: owner.id, action: "user.oauth_linked" } });
    expect(audit).toBe(1);
  });
});
