import { cookies, headers } from "next/headers";
import { encode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { sessionCookieName, secureCookiesEnabled } from "@/lib/auth/cookies";
import { SESSION_MAX_AGE_SECONDS, createSession } from "@/lib/auth/sessions";

/** Signs a user in from a server action (after sign-up), with the same cookie next-auth issues. */
export async function startSession(user: { id: string; email: string; name: string }): Promise<void> {
  const sid = await createSession(user.id, (await headers()).get("user-agent"));
  const token = await encode({
    token: { sub: user.id, sid, email: user.email, name: user.name },
    secret: env().NEXTAUTH_SECRET,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  (await cookies()).set(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookiesEnabled(),
    path: "/",
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}
