import { z } from "zod";
import type { Severity } from "@/lib/generated/prisma/enums";

export const SEVERITIES: readonly Severity[] = ["SEV1", "SEV2", "SEV3", "SEV4"];

const ruleSchema = z.object({
  approvals: z.coerce.number().int("Whole numbers only.").min(1, "At least one approval.").max(10, "At most 10 approvals."),
  /** The incident commander must be among the approvers. */
  commander: z.boolean(),
  /** At least one approver is an admin or owner. */
  admin: z.boolean(),
});

export type SeverityRule = z.infer<typeof ruleSchema>;

export const policySchema = z.object({
  rules: z.object({ SEV1: ruleSchema, SEV2: ruleSchema, SEV3: ruleSchema, SEV4: ruleSchema }),
  /** Days after resolution before a postmortem without approval counts as overdue. */
  overdueDays: z.object({
    SEV1: z.coerce.number().int().min(1).max(365),
    SEV2: z.coerce.number().int().min(1).max(365),
    SEV3: z.coerce.number().int().min(1).max(365),
    SEV4: z.coerce.number().int().min(1).max(365),
  }),
  /** Editing the incident's timeline, tasks, times or impact after approval makes approvals stale. */
  factsCountAsChange: z.boolean(),
});

export type ReviewPolicy = z.infer<typeof policySchema>;

export const DEFAULT_POLICY: ReviewPolicy = {
  rules: {
    SEV1: { approvals: 2, commander: true, admin: true },
    SEV2: { approvals: 2, commander: true, admin: false },
    SEV3: { approvals: 1, commander: false, admin: false },
    SEV4: { approvals: 1, commander: false, admin: false },
  },
  overdueDays: { SEV1: 5, SEV2: 7, SEV3: 14, SEV4: 30 },
  factsCountAsChange: true,
};

/** The team's policy as stored, or the default (also for anything stored that no longer validates). */
export function policyOf(stored: unknown): ReviewPolicy {
  const parsed = policySchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_POLICY;
}
