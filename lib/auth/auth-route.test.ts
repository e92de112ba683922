import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { handleAuthRoute } from "@/lib/auth/auth-route";
import { sessionCookieName } from "@/lib/auth/cookies";
import { createSession, revokeSession } from "@/lib/auth/sessions";
import { createUser } from "@/lib/testing/factories";

async function sessionCookie(userId: string, sid: string): Promise<string> {
  const token = await encode({ token: { sub: userId, sid }, secret: env().NEXTAUTH_SECRET });
  return `${sessionCookieName()}=${token}`;
}

function getSession(cookie?: string) {
  const request = new NextRequest("http://localhost:3000/api/auth/session", { headers: cookie ? { cookie } : {} });
  return handleAuthRoute(request, { params: Promise.resolve({ nextauth: ["session"] }) });
}

describe("GET /api/auth/session", () => {
  it("answers signed out, with no cookie, when there is no session cookie", async () => {
    const response = await getSession();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("answers signed out, with no cookie, for a revoked session", async () => {
    const user = await createUser();
    const sid = await createSession(user.id);
    await revokeSession(sid);
    const response = await getSession(await sessionCookie(user.id, sid));
    expect(await response.json()).toEqual({});
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(response.headers.get("cache-control")).toContain("no-store");
  });

  it("answers signed out, with no cookie, for a cookie that does not decode", async () => {
    const response = await getSession(`${sessionCookieName()}=garbage`);
    expect(await response.json()).toEqual({});
    expect(response.headers.get("set-cookie")).toBeNull();
  });
});
