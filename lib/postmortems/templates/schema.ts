import { z } from "zod";
import { LIVE_BLOCK_KINDS } from "@/lib/postmortems/editor/live-block";

export const MAX_SECTIONS = 30;

export const templateSectionSchema = z.object({
  heading: z.string().trim().min(1, "Give the section a heading.").max(120, "Keep headings under 120 characters."),
  help: z.string().trim().max(500, "Keep help text under 500 characters.").default(""),
  required: z.boolean().default(false),
  /** A live block of the incident's facts placed at the top of the section. */
  block: z.enum(LIVE_BLOCK_KINDS).optional(),
});

export type TemplateSection = z.infer<typeof templateSectionSchema>;

export const templateSectionsSchema = z
  .array(templateSectionSchema)
  .min(1, "A template needs at least one section.")
  .max(MAX_SECTIONS, `A template has at most ${MAX_SECTIONS} sections.`);

export type Template = { id: string; name: string; description: string; builtIn: boolean; sections: TemplateSection[] };
