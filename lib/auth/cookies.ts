import { env } from "@/lib/env";

/**
 * Secure cookies in production, except plain-http localhost (browsers treat it as a secure
 * context, but `__Secure-` cookies there would break sign-in in some of them).
 */
export function secureCookiesEnabled(): boolean {
  if (env().NODE_ENV !== "production") return false;
  const url = env().NEXTAUTH_URL;
  if (!url) return true;
  const { protocol, hostname } = new URL(url);
  const localHttp = protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(hostname);
  return !localHttp;
}

export function sessionCookieName(): string {
  return secureCookiesEnabled() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}
