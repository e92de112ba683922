import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { verifyCredentials } from "@/lib/auth/credentials";
import { clientIp } from "@/lib/auth/client-ip";
import { sessionCookieName, secureCookiesEnabled } from "@/lib/auth/cookies";
import { resolveOAuthUser } from "@/lib/auth/oauth-users";
import { oauthProviders } from "@/lib/auth/providers";
import { SESSION_MAX_AGE_SECONDS, createSession, revokeSession } from "@/lib/auth/sessions";

function emailVerifiedClaim(profile: unknown): boolean {
  return typeof profile === "object" && profile !== null && "email_verified" in profile
    ? profile.email_verified === true
    : false;
}

export function authOptions(): NextAuthOptions {
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
          const user = await verifyCredentials(credentials, clientIp(req.headers ?? {}));
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
      ...oauthProviders(),
    ],
    callbacks: {
      async jwt({ token, user, account, profile }) {
        if (!user || !account) return token;
        let userId = user.id;
        if (account.type === "oauth") {
          const resolved = await resolveOAuthUser({
            provider: account.provider,
            providerAccountId: account.providerAccountId,
            email: user.email,
            emailVerified: emailVerifiedClaim(profile),
            name: user.name,
            image: user.image,
          });
          if (resolved.disabled) throw new Error("This account is disabled.");
          userId = resolved.id;
        }
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
