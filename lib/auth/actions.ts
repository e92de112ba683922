"use server";

import { cookies } from "next/headers";
import { formAction } from "@/lib/action";
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
