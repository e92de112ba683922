import { cookies } from "next/headers";
import { z } from "zod";

export const themeSchema = z.enum(["system", "light", "dark"]);
export type Theme = z.infer<typeof themeSchema>;
export const THEME_COOKIE = "theme";

export async function currentTheme(): Promise<Theme> {
  const parsed = themeSchema.safeParse((await cookies()).get(THEME_COOKIE)?.value);
  return parsed.success ? parsed.data : "system";
}
