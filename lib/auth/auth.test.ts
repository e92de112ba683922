import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signUp } from "@/lib/auth/sign-up";
import { WRONG_CREDENTIALS, verifyCredentials } from "@/lib/auth/credentials";
import { SIGN_IN_LIMITS } from "@/lib/auth/rate-limit";
import { inOneLimitWindow, randomIp } from "@/lib/auth/test-ips";
import { createSession, loadSessionUser, revokeSession } from "@/lib/auth/sessions";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { signedUp, uniqueEmail } from "@/lib/testing/factories";
import { rejection as failure } from "@/lib/testing/errors";

const PASSWORD = "correct horse battery staple";

describe("passwords", () => {
  it("hashes with scrypt and verifies long and unicode passwords", async () => {
    const long = "ü".repeat(40) + "x".repeat(60);
    const hash = await hashPassword(long);
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(hash).not.toContain(long);
    expect(await verifyPassword(long, hash)).toBe(true);
    expect(await verifyPassword(`${long}!`, hash)).toBe(false);
  });
});

describe("sign-up", () => {
  it("creates one account per email, case-insensitively, and answers a taken address like a new one", async () => {
    const email = uniqueEmail();
    expect(await signUp({ name: "Ada", email, password: PASSWORD }, randomIp())).toEqual({ email });
    expect(await signUp({ name: "Eve", email: email.toUpperCase(), password: "another password!" }, randomIp())).toEqual({ email });
    expect(await db().user.count({ where: { email } })).toBe(1);
    const mails = await db().outgoingEmail.findMany({ where: { toAddress: email }, orderBy: { createdAt: "asc" }, select: { kind: true } });
    expect(mails).toEqual([{ kind: "account.verify" }, { kind: "account.sign_up_attempt" }]);
  });

  it("refuses a weak password and a bad email with field messages", async () => {
    const error = await failure(signUp({ name: "", email: "not-an-email", password: "short" }, randomIp()));
    expect(error.code).toBe("VALIDATION");
    expect(error.fields?.password?.[0]).toMatch(/at least 10/);
    expect(error.fields?.email?.[0]).toMatch(/valid email/);
    expect(error.fields?.name).toBeDefined();
  });

  it("accepts a 64-character password", async () => {
    const email = uniqueEmail();
    const password = "p".repeat(64);
    await signUp({ name: "Long", email, password }, randomIp());
    expect((await verifyCredentials({ email, password }, "10.0.0.1")).email).toBe(email);
  });
});

describe("sign-in", () => {
  it("gives the same message for an unknown email and a wrong password", async () => {
    const email = uniqueEmail();
    await signUp({ name: "Grace", email, password: PASSWORD }, randomIp());
    const unknown = await failure(verifyCredentials({ email: uniqueEmail(), password: PASSWORD }, "10.0.0.2"));
    const wrong = await failure(verifyCredentials({ email, password: "wrong password!" }, "10.0.0.2"));
    expect(unknown.message).toBe(WRONG_CREDENTIALS);
    expect(wrong.message).toBe(WRONG_CREDENTIALS);
  });

  // Thirty password checks: slow on a busy machine.
  it("limits one IP trying many accounts", { timeout: 120_000 }, async () => {
    await inOneLimitWindow(SIGN_IN_LIMITS.perIp.windowMs);
    const ip = randomIp();
    for (let i = 0; i < SIGN_IN_LIMITS.perIp.max; i++) {
      await failure(verifyCredentials({ email: uniqueEmail(), password: "whatever-password" }, ip));
    }
    expect((await failure(verifyCredentials({ email: uniqueEmail(), password: "whatever-password" }, ip))).code).toBe("RATE_LIMITED");
  });

  it("refuses a disabled user", async () => {
    const email = uniqueEmail();
    const user = await signedUp({ name: "Off", email, password: PASSWORD }, randomIp());
    await db().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect((await failure(verifyCredentials({ email, password: PASSWORD }, "10.3.0.1"))).message).toBe(WRONG_CREDENTIALS);
  });
});

describe("server-side sessions", () => {
  it("ends a session on sign-out and when the user is disabled", async () => {
    const user = await signedUp({ name: "Sess", email: uniqueEmail(), password: PASSWORD }, randomIp());
    const sid = await createSession(user.id);
    expect(await loadSessionUser(sid, user.id)).not.toBeNull();
    await revokeSession(sid);
    expect(await loadSessionUser(sid, user.id)).toBeNull();

    const other = await createSession(user.id);
    await db().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await loadSessionUser(other, user.id)).toBeNull();
  });

  it("does not accept a session id with another user's id", async () => {
    const a = await signedUp({ name: "A", email: uniqueEmail(), password: PASSWORD }, randomIp());
    const b = await signedUp({ name: "B", email: uniqueEmail(), password: PASSWORD }, randomIp());
    const sid = await createSession(a.id);
    expect(await loadSessionUser(sid, b.id)).toBeNull();
  });
});
