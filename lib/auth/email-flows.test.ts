import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { randomIp } from "@/lib/auth/test-ips";
import { signUp } from "@/lib/auth/sign-up";
import { resendVerification, verifyEmail } from "@/lib/auth/email-verification";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { confirmEmailChange, requestEmailChange } from "@/lib/auth/email-change";
import { createSession, loadSessionUser } from "@/lib/auth/sessions";
import { resolveOAuthUser } from "@/lib/auth/oauth-users";
import { signedUp, uniqueEmail } from "@/lib/testing/factories";

const PASSWORD = "correct horse battery";
const HOUR = 60 * 60_000;

/** The token in the newest mail of `kind` to `to`, read from the outbox as the recipient would read the mail. */
async function linkToken(to: string, kind: string): Promise<string> {
  const mail = await db().outgoingEmail.findFirstOrThrow({ where: { toAddress: to, kind }, orderBy: { createdAt: "desc" } });
  const token = /token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no link in ${mail.text}`);
  expect(mail.html).toContain(`token=${token}`);
  return token;
}

const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as { code: string; message: string });

describe("e-mail verification", () => {
  it("verifies the address once, with a link that expires after a day", async () => {
    const email = uniqueEmail();
    const user = await signedUp({ name: "Vera", email, password: PASSWORD }, randomIp());
    const token = await linkToken(email, "account.verify");
    expect((await failure(verifyEmail(token, new Date(Date.now() + 25 * HOUR))))?.code).toBe("NOT_FOUND");
    expect(await verifyEmail(token)).toEqual({ email });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).not.toBeNull();
    expect((await failure(verifyEmail(token)))?.code).toBe("NOT_FOUND");
    expect((await failure(resendVerification(user.id)))?.code).toBe("CONFLICT");
  });

  it("a resent link replaces the earlier one", async () => {
    const email = uniqueEmail();
    const user = await signedUp({ name: "Re", email, password: PASSWORD }, randomIp());
    const first = await linkToken(email, "account.verify");
    await resendVerification(user.id);
    const second = await linkToken(email, "account.verify");
    expect(second).not.toBe(first);
    expect((await failure(verifyEmail(first)))?.code).toBe("NOT_FOUND");
    await verifyEmail(second);
  });

  it("links an OAuth identity whose provider verified the address only once the account's address is verified", async () => {
    const email = uniqueEmail();
    const user = await signedUp({ name: "Olly", email, password: PASSWORD }, randomIp());
    const identity = { provider: "oidc", providerAccountId: randomUUID(), email, emailVerified: true, name: "Olly" };
    expect(await resolveOAuthUser(identity)).toEqual({ ok: false, refusal: "OAuthAccountExists" });
    await verifyEmail(await linkToken(email, "account.verify"));
    expect(await resolveOAuthUser(identity)).toEqual({ ok: true, userId: user.id });
  });
});

describe("password reset", () => {
  it("answers the same for unknown addresses and sends nothing to them", async () => {
    const nobody = uniqueEmail("nobody");
    expect(await requestPasswordReset({ email: nobody }, randomIp())).toEqual({ email: nobody });
    expect(await db().outgoingEmail.count({ where: { toAddress: nobody } })).toBe(0);
  });

  it("sets a new password once, within an hour, and ends every session", async () => {
    const email = uniqueEmail();
    const user = await signedUp({ name: "Rosa", email, password: PASSWORD }, randomIp());
    const oldSession = await createSession(user.id);
    expect(await requestPasswordReset({ email: email.toUpperCase() }, randomIp())).toEqual({ email });
    const token = await linkToken(email, "account.password_reset");
    expect(token.length).toBeGreaterThan(40);
    const stored = await db().emailToken.findMany({ where: { userId: user.id, purpose: "RESET_PASSWORD" }, select: { tokenHash: true } });
    expect(stored.every((t) => !t.tokenHash.includes(token))).toBe(true);

    expect((await failure(resetPassword({ token, password: "a brand new passphrase" }, new Date(Date.now() + 61 * 60_000))))?.code).toBe("NOT_FOUND");
    await resetPassword({ token, password: "a brand new passphrase" });
    expect(await loadSessionUser(oldSession, user.id)).toBeNull();
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true, emailVerified: true } });
    expect(await verifyPassword("a brand new passphrase", row.passwordHash!)).toBe(true);
    expect(row.emailVerified).not.toBeNull();
    expect(await db().outgoingEmail.count({ where: { toAddress: email, kind: "account.password_changed" } })).toBe(1);

    expect((await failure(resetPassword({ token, password: "yet another passphrase" })))?.code).toBe("NOT_FOUND");
  });

  it("stops sending after a few requests for one address, without saying so", async () => {
    const email = uniqueEmail();
    await signedUp({ name: "Spam", email, password: PASSWORD }, randomIp());
    for (let i = 0; i < 5; i++) expect(await requestPasswordReset({ email }, randomIp())).toEqual({ email });
    expect(await db().outgoingEmail.count({ where: { toAddress: email, kind: "account.password_reset" } })).toBe(3);
  });
});

describe("e-mail change", () => {
  it("moves the account only once the new address confirms", async () => {
    const email = uniqueEmail();
    const user = await signedUp({ name: "Mo", email, password: PASSWORD }, randomIp());
    const next = uniqueEmail("new");
    await requestEmailChange(user.id, { email: next });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(email);
    expect(await db().outgoingEmail.count({ where: { toAddress: email, kind: "account.email_change_requested" } })).toBe(1);
    const token = await linkToken(next, "account.email_change");
    expect(await confirmEmailChange(token)).toEqual({ email: next });
    const moved = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(moved.email).toBe(next);
    expect(moved.emailVerified).not.toBeNull();
    expect((await failure(confirmEmailChange(token)))?.code).toBe("NOT_FOUND");
  });

  it("answers the same for a taken address and tells its owner instead", async () => {
    const taken = uniqueEmail("taken");
    await signUp({ name: "Owner", email: taken, password: PASSWORD }, randomIp());
    const user = await signedUp({ name: "Asker", email: uniqueEmail(), password: PASSWORD }, randomIp());
    expect(await requestEmailChange(user.id, { email: taken })).toEqual({ email: taken });
    expect(await db().outgoingEmail.count({ where: { toAddress: taken, kind: "account.email_change_taken" } })).toBe(1);
    expect(await db().emailToken.count({ where: { userId: user.id, purpose: "CHANGE_EMAIL" } })).toBe(0);
  });
});
