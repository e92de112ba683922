import { emailSchema } from "@/lib/auth/schema";
import { z } from "zod";
import { singleLine } from "@/lib/validation";
import { timeZoneSchema } from "@/lib/time/zones";

const RESERVED_SLUGS = new Set(["new", "api", "admin", "settings", "app", "www", "p", "t", "invite", "sign-in", "sign-up", "teams"]);

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "Use at least 3 characters.")
  .max(40, "Use at most 40 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single dashes, like acme-sre.")
  .refine((slug) => !RESERVED_SLUGS.has(slug), { message: "This URL is reserved. Choose another." });

export const roleSchema = z.enum(["OWNER", "ADMIN", "MEMBER", "VIEWER"], { message: "Choose a role." });

export const teamNameSchema = singleLine({ max: 80, required: "Give the team a name.", tooLong: "Use at most 80 characters." });

export const createTeamSchema = z.object({
  name: teamNameSchema,
  slug: slugSchema,
  timeZone: timeZoneSchema,
});
export type CreateTeamInput = z.infer<typeof createTeamSchema>;

export const updateTeamSchema = createTeamSchema.extend({ teamId: z.string().min(1) });

export const createInviteSchema = z.object({
  teamId: z.string().min(1),
  role: roleSchema,
  expiresInDays: z.coerce.number().int("Whole days only.").min(1, "At least 1 day.").max(30, "At most 30 days."),
  /** Optional: the link is also e-mailed there (it stays copyable either way). */
  email: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), emailSchema.optional()),
});

export const revokeInviteSchema = z.object({ teamId: z.string().min(1), inviteId: z.string().min(1) });

export const changeRoleSchema = z.object({
  teamId: z.string().min(1),
  membershipId: z.string().min(1),
  role: roleSchema,
});

export const removeMemberSchema = z.object({ teamId: z.string().min(1), membershipId: z.string().min(1) });

export const leaveTeamSchema = z.object({ teamId: z.string().min(1) });

export const inviteTokenSchema = z.string().trim().regex(/^[A-Za-z0-9_-]{20,100}$/, "This invite link is not valid.");
