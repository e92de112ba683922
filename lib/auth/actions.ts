"use server";

import { cookies } from "next/headers";
import { formAction, memberAction } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { startLinkIntent } from "@/lib/auth/link-intent";
import { oauthProviderList } from "@/lib/auth/providers";
import { signUp } from "@/lib/auth/sign-up";
import { requestIp } from "@/lib/auth/request-ip";
import { startSession } from "@/lib/auth/start-session";
import { resendVerification, verifyEmail } from "@/lib/auth/email-verification";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { confirmEmailChange, requestEmailChange } from "@/lib/auth/email-change";
import { safeCallbackPath } from "@/lib/auth/safe-redirect";
import { THEME_COOKIE, themeSchema } from "@/lib/theme";

/** Never signs in: the answer must be the same for a taken address, so the new account signs in after. */
export const signUpAction = formAction(
  async (_user, input) => {
    const { email } = await signUp(input, await requestIp());
    return { email, callbackUrl: safeCallbackPath(input.callbackUrl, "/") };
  },
  { anonymous: true, redirectTo: (r) => `/check-email?email=${encodeURIComponent(r.email)}&callbackUrl=${encodeURIComponent(r.callbackUrl)}` },
);

export const resendVerificationAction = memberAction((user) => resendVerification(user.id), {
  message: (r) => `We sent a new link to ${r.email}.`,
});

export const verifyEmailAction = formAction((_user, input) => verifyEmail(String(input.token ?? "")), {
  anonymous: true,
  message: (r) => `${r.email} is confirmed.`,
});

export const forgotPasswordAction = formAction(async (_user, input) => requestPasswordReset(input, await requestIp()), {
  anonymous: true,
  message: (r) => `If an account uses ${r.email}, we sent it a link to choose a new password. It works for one hour.`,
});

/** The new password signs this browser in; every other session has ended. */
export const resetPasswordAction = formAction(
  async (_user, input) => {
    await startSession(await resetPassword(input));
    return {};
  },
  { anonymous: true, redirectTo: () => "/" },
);

export const requestEmailChangeAction = memberAction((user, input) => requestEmailChange(user.id, input), {
  message: (r) => `We sent a link to ${r.email}. Your address changes once you open it.`,
});

export const confirmEmailChangeAction = formAction((_user, input) => confirmEmailChange(String(input.token ?? "")), {
  anonymous: true,
  message: (r) => `Your account now uses ${r.email}. Sign in with it from now on.`,
});

export async function setThemeAction(form: FormData): Promise<void> {
  const theme = themeSchema.catch("system").parse(form.get("theme"));
  (await cookies()).set(THEME_COOKIE, theme, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 60 * 60 });
}

/** Step one of "Link an identity": remember who asked; the client then starts the provider's sign-in. */
export const startLinkAction = memberAction(async (user, input) => {
  const provider = oauthProviderList().find((p) => p.id === input.provider);
  if (!provider) throw new AppError("VALIDATION", "That sign-in provider is not configured here.");
  await startLinkIntent(user, provider.id);
  return { provider: provider.id };
});
