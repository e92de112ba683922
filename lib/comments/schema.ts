import { z } from "zod";
import { multiLine } from "@/lib/validation";

const ids = z
  .union([z.array(z.string()), z.string()])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : value ? [value] : []))
  .pipe(z.array(z.string().min(1).max(64)).max(20, "Mention at most 20 people in one comment."));

export const COMMENT_MAX = 5000;
const body = multiLine({ max: COMMENT_MAX, required: "Write a comment.", tooLong: "Keep comments under 5,000 characters." });

export const startThreadSchema = z.object({
  teamId: z.string().min(1),
  postmortemId: z.string().min(1),
  quote: multiLine({ max: 1000, required: "Select the text to comment on." }).transform((q) => q.slice(0, 500)),
  body,
  mentions: ids,
});

export const replySchema = z.object({ teamId: z.string().min(1), threadId: z.string().min(1), body, mentions: ids });

export const resolveThreadSchema = z.object({
  teamId: z.string().min(1),
  threadId: z.string().min(1),
  resolved: z.enum(["true", "false"]).transform((v) => v === "true"),
});
