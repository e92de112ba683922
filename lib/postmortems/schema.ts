import { z } from "zod";

export const startPostmortemSchema = z.object({
  teamId: z.string().min(1),
  incidentId: z.string().min(1),
  templateId: z.string().min(1, "Choose a template."),
  title: z.string().trim().min(1, "Give the postmortem a title.").max(200, "Keep the title under 200 characters."),
});

export const renamePostmortemSchema = z.object({
  teamId: z.string().min(1),
  postmortemId: z.string().min(1),
  title: z.string().trim().min(1, "Give the postmortem a title.").max(200, "Keep the title under 200 characters."),
});

export const saveVersionSchema = z.object({
  teamId: z.string().min(1),
  postmortemId: z.string().min(1),
  name: z.string().trim().min(1, "Name this version.").max(120, "Keep the name under 120 characters."),
});

export const restoreVersionSchema = z.object({
  teamId: z.string().min(1),
  postmortemId: z.string().min(1),
  snapshotId: z.string().min(1),
});

export const importPostmortemSchema = z.object({
  teamId: z.string().min(1),
  incidentId: z.string().min(1),
  title: z.string().trim().max(200, "Keep the title under 200 characters.").default(""),
  markdown: z.string().trim().min(1, "Paste the postmortem's Markdown.").max(1_000_000, "At most 1 MB of Markdown."),
});
