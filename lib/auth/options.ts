import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { verifyCredentials } from "@/lib/auth/credentials";
import { clientIp } from "@/lib/auth/client-ip";
import { sessionCookieName, secureCookiesEnabled } from "@/lib/auth/cookies";
import { takeLinkIntent } from "@/lib/auth/link-intent";
import { linkIdentityToUser, linkedUserId, resolveOAuthUser, type OAuthIdentity } from "@/lib/auth/oauth-users";
import { oauthProviders } from "@/lib/auth/providers";
import { isRateLimited } from "@/lib/auth/rate-limit";
import { safeRedirectUrl } from "@/lib/auth/safe-redirect";
import { SESSION_MAX_AGE_SECONDS, createSession, revokeSession } from "@/lib/auth/sessions";

function emailVerifiedClaim(profile: unknown): boolean {
  return typeof profile === "object" && profile !== null && "email_verified" in profile
    ? profile.email_verified === true
    : false;
}

export type AuthRequestHooks = {
  /** Told when a credentials attempt was refused by a rate limit, so the route can answer 429. */
  onRateLimited?: (retryAfterSeconds: number) => void;
};

export function authOptions(hooks: AuthRequestHooks = {}): NextAuthOptions {
  const secure = secureCookiesEnabled();
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: secure,
    cookies: {
      sessionToken: {
        name: sessionCookieName(),
        options: { httpOnly: true, sameSite: "lax", path: "/", secure },
      },
    },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          try {
            const user = await verifyCredentials(credentials, clientIp(req.headers ?? {}));
            return { id: user.id, email: user.email, name: user.name };
          } catch (error) {
            if (isRateLimited(error)) hooks.onRateLimited?.(error.retryAfterSeconds);
            throw error;
          }
        },
      }),
      ...oauthProviders(),
    ],
    callbacks: {
      // Every callbackUrl, from any parameter or cookie, ends on this site.
      redirect({ url, baseUrl }) {
        return safeRedirectUrl(url, baseUrl);
      },
      // OAuth decisions happen here, where a refusal can send the user to a page that explains it.
      async signIn({ user, account, profile }) {
        if (account?.type !== "oauth") return true;
        const identity: OAuthIdentity = {
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          email: user.email,
          emailVerified: emailVerifiedClaim(profile),
          name: user.name,
          image: user.image,
        };
        const intent = await takeLinkIntent(account.provider);
        if (intent) {
          const linked = await linkIdentityToUser(intent.userId, identity);
          return linked.ok ? true : `/account?linkError=${linked.refusal}`;
        }
        const outcome = await resolveOAuthUser(identity);
        return outcome.ok ? true : `/sign-in?error=${outcome.refusal}`;
      },
      async jwt({ token, user, account }) {
        if (!user || !account) return token;
        const userId = account.type === "oauth" ? await linkedUserId(account.provider, account.providerAccountId) : user.id;
        if (!userId) throw new Error("This identity is not linked to an account.");
        token.sub = userId;
        token.sid = await createSession(userId);
        return token;
      },
      async session({ session, token }) {
        return { ...session, userId: token.sub, sid: token.sid };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await revokeSession(token.sid);
      },
    },
  };
}
