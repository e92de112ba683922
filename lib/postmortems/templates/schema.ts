import { z } from "zod";
import { multiLine, singleLine } from "@/lib/validation";
import { LIVE_BLOCK_KINDS } from "@/lib/postmortems/editor/live-block";

export const MAX_SECTIONS = 30;

export const templateSectionSchema = z.object({
  heading: singleLine({ max: 120, required: "Give the section a heading.", tooLong: "Keep headings under 120 characters." }),
  help: multiLine({ max: 500, tooLong: "Keep help text under 500 characters." }).default(""),
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

const RESERVED_NAMES = ["hindsight standard", "google sre"];

/** The sections arrive from the settings form as JSON built by its section editor. */
const sectionsJson = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: "custom", message: "The sections could not be read. Reload the page and try again." });
    return z.NEVER;
  }
});

export const saveTemplateSchema = z.object({
  teamId: z.string().min(1),
  templateId: z.string().optional(),
  version: z.coerce.number().int().min(1).optional(),
  name: singleLine({ max: 80, required: "Name the template.", tooLong: "Keep the name under 80 characters." }).refine((name) => !RESERVED_NAMES.includes(name.toLowerCase()), "That is the name of a built-in template. Choose another."),
  description: multiLine({ max: 300, tooLong: "Keep the description under 300 characters." }).default(""),
  sections: sectionsJson.pipe(templateSectionsSchema),
});

export const archiveTemplateSchema = z.object({ teamId: z.string().min(1), templateId: z.string().min(1) });
