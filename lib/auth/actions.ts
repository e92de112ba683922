"use server";

import { cookies } from "next/headers";
import { formAction, memberAction } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { startLinkIntent } from "@/lib/auth/link-intent";
import { oauthProviderList } from "@/lib/auth/providers";
import { signUp } from "@/lib/auth/sign-up";
import { requestIp } from "@/lib/auth/request-ip";
import { startSession } from "@/lib/auth/start-session";
import { safeCallbackPath } from "@/lib/auth/safe-redirect";
import { THEME_COOKIE, themeSchema } from "@/lib/theme";

export const signUpAction = formAction(
  async (_user, input) => {
    await startSession(await signUp(input, await requestIp()));
    return { callbackUrl: safeCallbackPath(input.callbackUrl, "/") };
  },
  { anonymous: true, redirectTo: (r) => r.callbackUrl },
);

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
