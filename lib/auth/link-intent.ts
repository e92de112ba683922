import { cookies } from "next/headers";
import { decode, encode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { secureCookiesEnabled } from "@/lib/auth/cookies";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { SessionUser } from "@/lib/auth/sessions";

const COOKIE = "hindsight.link-intent";
// Its own key (next-auth derives one per salt), so an intent can never pass for a session.
const SALT = "hindsight.link-intent";
export const LINK_INTENT_MAX_AGE_SECONDS = 10 * 60;

type Asker = Pick<SessionUser, "id" | "sessionId">;

/** "Link `provider` to me", sealed with the app's secret. */
export function sealLinkIntent(user: Asker, provider: string, maxAgeSeconds = LINK_INTENT_MAX_AGE_SECONDS): Promise<string> {
  return encode({
    token: { linkUserId: user.id, linkSessionId: user.sessionId, linkProvider: provider },
    secret: env().NEXTAUTH_SECRET,
    salt: SALT,
    maxAge: maxAgeSeconds,
  });
}

/**
 * Whose link request `sealed` is: the signed-in user's, when it names them, this very session
 * and this provider and has not expired; otherwise nobody's.
 */
export async function linkIntentOwner(sealed: string, current: Asker | null, provider: string): Promise<string | null> {
  const token = await decode({ token: sealed, secret: env().NEXTAUTH_SECRET, salt: SALT }).catch(() => null);
  if (!token || !current || token.linkProvider !== provider) return null;
  if (token.linkUserId !== current.id || token.linkSessionId !== current.sessionId) return null;
  return current.id;
}

/**
 * Asked for by the signed-in user from their settings. The OAuth callback links an identity
 * only with this cookie, so nobody can attach their identity to someone else's account by
 * luring them through a sign-in.
 */
export async function startLinkIntent(user: SessionUser, provider: string): Promise<void> {
  (await cookies()).set(COOKIE, await sealLinkIntent(user, provider), {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookiesEnabled(),
    path: "/api/auth",
    maxAge: LINK_INTENT_MAX_AGE_SECONDS,
  });
}

/** The signed-in user who asked to link `provider`, or null for an ordinary sign-in. Single use. */
export async function takeLinkIntent(provider: string): Promise<{ userId: string } | null> {
  const jar = await cookies();
  const sealed = jar.get(COOKIE)?.value;
  if (!sealed) return null;
  jar.delete({ name: COOKIE, path: "/api/auth" });
  const userId = await linkIntentOwner(sealed, await getCurrentUser(), provider);
  return userId ? { userId } : null;
}
