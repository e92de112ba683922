import { z } from "zod";
import { multiLine, singleLine } from "@/lib/validation";

export const startPostmortemSchema = z.object({
  teamId: z.string().min(1),
  incidentId: z.string().min(1),
  templateId: z.string().min(1, "Choose a template."),
  title: singleLine({ max: 200, required: "Give the postmortem a title.", tooLong: "Keep the title under 200 characters." }),
});

export const renamePostmortemSchema = z.object({
  teamId: z.string().min(1),
  postmortemId: z.string().min(1),
  title: singleLine({ max: 200, required: "Give the postmortem a title.", tooLong: "Keep the title under 200 characters." }),
});

export const saveVersionSchema = z.object({
  teamId: z.string().min(1),
  postmortemId: z.string().min(1),
  name: singleLine({ max: 120, required: "Name this version.", tooLong: "Keep the name under 120 characters." }),
});

export const restoreVersionSchema = z.object({
  teamId: z.string().min(1),
  postmortemId: z.string().min(1),
  snapshotId: z.string().min(1),
});

/** Characters of an imported file (about 1 MB of text). */
export const IMPORT_MAX = 1_000_000;

export const importPostmortemSchema = z.object({
  teamId: z.string().min(1),
  incidentId: z.string().min(1),
  title: singleLine({ max: 200, tooLong: "Keep the title under 200 characters." }).default(""),
  markdown: multiLine({ max: IMPORT_MAX, required: "Paste the postmortem's Markdown or a JSON export.", tooLong: "At most 1 MB of Markdown." }),
});
