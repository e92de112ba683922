import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { decode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { sessionCookieName } from "@/lib/auth/cookies";
import { loadSessionUser, type SessionUser } from "@/lib/auth/sessions";
import { noteUser } from "@/lib/observability/request-context";

/**
 * The signed-in user for this request, checked against the database every time: a revoked
 * session, a disabled user or a replayed cookie after sign-out gets null. Cached per request.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const jar = await cookies();
  const raw = jar.get(sessionCookieName())?.value;
  if (!raw) return null;
  const token = await decode({ token: raw, secret: env().NEXTAUTH_SECRET }).catch(() => null);
  if (!token?.sid || !token.sub) return null;
  const user = await loadSessionUser(token.sid, token.sub);
  if (user) noteUser(user.id);
  return user;
});

/** For pages: sends anonymous visitors to sign-in and brings them back afterwards. */
export async function requireUser(returnTo?: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  return user;
}

/** For actions and route handlers: an error instead of a redirect. */
export async function requireUserOrThrow(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
  return user;
}
