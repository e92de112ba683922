import type { OAuthRefusal } from "@/lib/auth/oauth-users";

/** What the sign-in and account pages say for each ?error= / ?linkError= code. */
export const OAUTH_MESSAGES: Record<OAuthRefusal | "OAuthAccountNotLinked" | "AccessDenied" | "Callback", string> = {
  OAuthAccountExists:
    "An account with this email already exists. Sign in with your password, then link this sign-in method from Account settings.",
  OAuthNoEmail: "Your identity provider did not share an email address, so no account can be matched or created.",
  AccountDisabled: "This account is disabled.",
  IdentityTaken: "That identity is already linked to another Hindsight account.",
  OAuthAccountNotLinked: "This email is linked to another sign-in method.",
  AccessDenied: "Access was denied.",
  Callback: "Sign-in with your provider failed. Please try again.",
};

export function oauthMessage(code: string | undefined): string | undefined {
  if (!code) return undefined;
  return Object.hasOwn(OAUTH_MESSAGES, code) ? OAUTH_MESSAGES[code as keyof typeof OAUTH_MESSAGES] : undefined;
}
