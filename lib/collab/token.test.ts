import { describe, expect, it } from "vitest";
import { signCollabToken, verifyCollabToken, TOKEN_TTL_MS } from "@/lib/collab/token";
import { signedRequestBody, verifySignedBody } from "@/lib/collab/internal-request";

const secret = "s".repeat(40);
const grant = { userId: "u1", teamId: "t1", postmortemId: "p1", canEdit: false };

describe("collaboration tokens", () => {
  it("carry who, which postmortem and whether they may edit, for a minute", () => {
    const now = Date.now();
    const { token } = signCollabToken(grant, secret, now);
    expect(verifyCollabToken(token, secret, now + 1000)).toEqual({ ...grant, expiresAt: now + TOKEN_TTL_MS });
    expect(verifyCollabToken(token, secret, now + TOKEN_TTL_MS + 1)).toBeNull();
  });

  it("refuse another secret, a changed payload, garbage and extra parts", () => {
    const { token } = signCollabToken(grant, secret);
    expect(verifyCollabToken(token, "x".repeat(40))).toBeNull();
    const [, signature] = token.split(".");
    const promoted = Buffer.from(JSON.stringify({ u: "u1", t: "t1", p: "p1", w: true, exp: Date.now() + 60_000 })).toString("base64url");
    expect(verifyCollabToken(`${promoted}.${signature}`, secret)).toBeNull();
    expect(verifyCollabToken("", secret)).toBeNull();
    expect(verifyCollabToken("a.b.c", secret)).toBeNull();
    expect(verifyCollabToken(`${token}.x`, secret)).toBeNull();
  });

  it("internal requests are signed and expire", () => {
    const now = Date.now();
    const { body, signature } = signedRequestBody({ postmortemId: "p1" }, secret, now);
    expect(verifySignedBody(body, signature, secret, now)).toMatchObject({ postmortemId: "p1" });
    expect(verifySignedBody(body.replace("p1", "p2"), signature, secret, now)).toBeNull();
    expect(verifySignedBody(body, signature, secret, now + 120_000)).toBeNull();
  });
});
