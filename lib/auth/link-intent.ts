import { cookies } from "next/headers";
import { decode, encode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { secureCookiesEnabled } from "@/lib/auth/cookies";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { SessionUser } from "@/lib/auth/sessions";

const COOKIE = "hindsight.link-intent";
// Its own key (next-auth derives one per salt), so an intent can never pass for a session.
const SALT = "hindsight.link-intent";
const MAX_AGE_SECONDS = 10 * 60;

/**
 * "Link this provider to me", asked for by the signed-in user from their settings. The OAuth
 * callback links the identity only when this cookie names the same user, session and provider,
 * so nobody can attach their identity to someone else's account by luring them through a sign-in.
 */
export async function startLinkIntent(user: SessionUser, provider: string): Promise<void> {
  const token = await encode({
    token: { linkUserId: user.id, linkSessionId: user.sessionId, linkProvider: provider },
    secret: env().NEXTAUTH_SECRET,
    salt: SALT,
    maxAge: MAX_AGE_SECONDS,
  });
  (await cookies()).set(COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookiesEnabled(),
    path: "/api/auth",
    maxAge: MAX_AGE_SECONDS,
  });
}

/** The signed-in user who asked to link `provider`, or null for an ordinary sign-in. Single use. */
export async function takeLinkIntent(provider: string): Promise<{ userId: string } | null> {
  const jar = await cookies();
  const raw = jar.get(COOKIE)?.value;
  if (!raw) return null;
  jar.delete({ name: COOKIE, path: "/api/auth" });
  const token = await decode({ token: raw, secret: env().NEXTAUTH_SECRET, salt: SALT }).catch(() => null);
  const user = await getCurrentUser();
  if (!token || !user || token.linkProvider !== provider) return null;
  if (token.linkUserId !== user.id || token.linkSessionId !== user.sessionId) return null;
  return { userId: user.id };
}
