import { z } from "zod";
import { checkAccent } from "@/lib/publishing/accent";
import { multiLine, singleLine } from "@/lib/validation";
import { customSlugSchema } from "@/lib/publishing/slug";
import { HOST_PATTERNS_MAX } from "@/lib/publishing/limits";

const checkbox = z.union([z.literal("on"), z.literal("true"), z.boolean()]).optional().transform((v) => v === "on" || v === "true" || v === true);

export const publishSchema = z.object({
  teamId: z.string().min(1),
  postmortemId: z.string().min(1),
  contentVersion: z.coerce.number().int().min(1),
  title: singleLine({ max: 200, required: "Give the public page a title.", tooLong: "Keep the title under 200 characters." }),
  subtitle: singleLine({ max: 300, tooLong: "Keep the subtitle under 300 characters." }).default(""),
  note: multiLine({ max: 500, tooLong: "Keep the note under 500 characters." }).default(""),
  customSlug: z.union([z.literal(""), customSlugSchema]).optional().transform((v) => (v ? v : null)),
  noindex: checkbox,
  listed: checkbox,
  confirmed: checkbox.refine((v) => v, "Confirm that you have checked what will be public."),
});

export const revokeSchema = z.object({ teamId: z.string().min(1), postmortemId: z.string().min(1) });

export const publishingSettingsSchema = z.object({
  teamId: z.string().min(1),
  publicIndex: checkbox,
  internalHostPatterns: z
    .string()
    .max(HOST_PATTERNS_MAX, "Keep the list under 2,000 characters.")
    .transform((text) => text.split("\n").map((line) => line.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[a-z0-9.*-]+$/, "Patterns use letters, digits, dots, hyphens and * only.")).max(50, "At most 50 patterns."))
    .transform((lines) => lines.join("\n")),
  /** "" keeps the default colour. */
  accent: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (!text?.trim()) return null;
      const check = checkAccent(text);
      if (!check.ok) {
        ctx.addIssue({ code: "custom", message: check.message });
        return z.NEVER;
      }
      return check.accent;
    }),
});

export const withdrawEditionSchema = z.object({
  teamId: z.string().min(1),
  postmortemId: z.string().min(1),
  edition: z.coerce.number().int().min(1),
  note: z.string().trim().min(1, "Say in a few words why it was withdrawn; readers of the old link see it.").max(300, "Keep the note under 300 characters."),
});
