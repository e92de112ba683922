import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signUp } from "@/lib/auth/sign-up";
import { WRONG_CREDENTIALS, verifyCredentials } from "@/lib/auth/credentials";
import { ACCOUNT_DELAY, SIGN_IN_LIMITS, isRateLimited } from "@/lib/auth/rate-limit";
import { inOneLimitWindow, randomIp } from "@/lib/auth/test-ips";
import { uniqueEmail } from "@/lib/testing/factories";

const PASSWORD = "correct horse battery staple";

type Outcome = "signed-in" | "wrong" | "limited";

async function attempt(email: string, password: string, ip: string): Promise<Outcome> {
  try {
    await verifyCredentials({ email, password }, ip);
    return "signed-in";
  } catch (error) {
    if (isRateLimited(error)) return "limited";
    if (error instanceof Error && error.message === WRONG_CREDENTIALS) return "wrong";
    throw error;
  }
}

const count = (outcomes: Outcome[], kind: Outcome) => outcomes.filter((o) => o === kind).length;

async function newAccount(): Promise<string> {
  const email = uniqueEmail();
  await signUp({ name: "Owner", email, password: PASSWORD }, randomIp());
  return email;
}

describe("sign-in throttling", () => {
  it("checks at most the per-address limit of 20 parallel guesses from one address", async () => {
    const email = await newAccount();
    const ip = randomIp();
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(email, `wrong-guess-${i}`, ip)));
    expect(count(outcomes, "wrong")).toBeLessThanOrEqual(SIGN_IN_LIMITS.perAccountAndIp.max);
    expect(count(outcomes, "limited")).toBeGreaterThanOrEqual(20 - SIGN_IN_LIMITS.perAccountAndIp.max);
  });

  it("checks only a handful of 20 parallel guesses spread over 20 addresses", async () => {
    const email = await newAccount();
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(email, `wrong-guess-${i}`, randomIp())));
    expect(count(outcomes, "wrong")).toBeLessThanOrEqual(ACCOUNT_DELAY.freeAttempts);
    expect(count(outcomes, "limited")).toBeGreaterThanOrEqual(20 - ACCOUNT_DELAY.freeAttempts);
  });

  it("refuses with a wait that grows, stated in seconds for Retry-After", async () => {
    const email = await newAccount();
    for (let i = 0; i < ACCOUNT_DELAY.freeAttempts; i++) expect(await attempt(email, `wrong-${i}`, randomIp())).toBe("wrong");
    const refused = await verifyCredentials({ email, password: "wrong-again" }, randomIp()).catch((e: unknown) => e);
    expect(isRateLimited(refused)).toBe(true);
    if (!isRateLimited(refused)) return;
    expect(refused.status).toBe(429);
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.message).toMatch(/Try again in \d+ seconds?\./);
    const row = await db().signInDelay.findUniqueOrThrow({ where: { email } });
    expect(row.attempts).toBe(ACCOUNT_DELAY.freeAttempts);
  });

  it("lets the owner in from their usual address with the right password while others hammer the account", async () => {
    const email = await newAccount();
    const ownerIp = randomIp();
    expect(await attempt(email, PASSWORD, ownerIp)).toBe("signed-in");

    const attackerIp = randomIp();
    const fromAttacker = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(email, `guess-${i}`, attackerIp)));
    const fromElsewhere = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(email, `guess-${i}`, randomIp())));
    expect(count([...fromAttacker, ...fromElsewhere], "limited")).toBeGreaterThan(60);
    expect(count([...fromAttacker, ...fromElsewhere], "signed-in")).toBe(0);

    expect(await attempt(email, PASSWORD, ownerIp)).toBe("signed-in");
    // Even the attacker's address, with the right password, is still refused for now.
    expect(await attempt(email, PASSWORD, attackerIp)).toBe("limited");
  });

  it("gives a successful sign-in back to the address's budget", async () => {
    const email = await newAccount();
    const ip = randomIp();
    for (let i = 0; i < 3; i++) expect(await attempt(email, PASSWORD, ip)).toBe("signed-in");
    const buckets = await db().rateLimitBucket.findMany({ where: { key: { in: [`ip:${ip}`, `email-ip:${email}|${ip}`] } }, select: { count: true } });
    expect(buckets.every((b) => b.count === 0)).toBe(true);
  });
});

describe("sign-up throttling", () => {
  // Thirty password hashes: slow on a busy machine.
  it("shares the sign-in budget of an address, so probing for accounts is no faster than guessing", { timeout: 120_000 }, async () => {
    const existing = await newAccount();
    await inOneLimitWindow(SIGN_IN_LIMITS.perIp.windowMs);
    const ip = randomIp();
    for (let i = 0; i < SIGN_IN_LIMITS.perIp.max; i++) {
      // Answered as a new sign-up would be; the address's owner is told by e-mail.
      expect(await signUp({ name: "Probe", email: existing, password: PASSWORD }, ip)).toEqual({ email: existing });
    }
    const refused = await signUp({ name: "Probe", email: uniqueEmail(), password: PASSWORD }, ip).catch((e: unknown) => e);
    expect(isRateLimited(refused) && refused.retryAfterSeconds > 0).toBe(true);
    expect(refused).toMatchObject({ message: expect.stringMatching(/Too many attempts from your network\. Try again in \d+ (minutes?|seconds?)\./) });
    expect(await attempt(existing, PASSWORD, ip)).toBe("limited");
  });

  it("does not count accounts created successfully", async () => {
    const ip = randomIp();
    for (let i = 0; i < 3; i++) await signUp({ name: "New", email: uniqueEmail(), password: PASSWORD }, ip);
    const bucket = await db().rateLimitBucket.findFirst({ where: { key: `ip:${ip}` }, select: { count: true } });
    expect(bucket?.count).toBe(0);
  });
});
