import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { decode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { sessionCookieName } from "@/lib/auth/cookies";
import { authOptions } from "@/lib/auth/options";
import { loadSessionUser } from "@/lib/auth/sessions";

export type AuthRouteContext = { params: Promise<{ nextauth: string[] }> };

const SIGNED_OUT_HEADERS = { "Content-Type": "application/json", "Cache-Control": "private, no-store" };

async function hasLiveSession(request: NextRequest): Promise<boolean> {
  const raw = request.cookies.get(sessionCookieName())?.value;
  if (!raw) return false;
  const token = await decode({ token: raw, secret: env().NEXTAUTH_SECRET }).catch(() => null);
  if (!token?.sid || !token.sub) return false;
  return (await loadSessionUser(token.sid, token.sub)) !== null;
}

/**
 * next-auth's routes with two answers of our own: a signed-out or revoked session reads as
 * signed out without next-auth re-issuing (or clearing) a cookie, and a rate-limited password
 * attempt is a 429 with Retry-After rather than next-auth's 401.
 */
export async function handleAuthRoute(request: NextRequest, context: AuthRouteContext): Promise<Response> {
  const [action] = (await context.params).nextauth;
  if (request.method === "GET" && action === "session" && !(await hasLiveSession(request))) {
    return new Response("{}", { status: 200, headers: SIGNED_OUT_HEADERS });
  }
  let retryAfter: number | undefined;
  const response = await NextAuth(request, context, authOptions({ onRateLimited: (seconds) => (retryAfter = seconds) }));
  if (retryAfter === undefined) return response;
  const headers = new Headers(response.headers);
  headers.set("Retry-After", String(retryAfter));
  return new Response(response.body, { status: 429, headers });
}
