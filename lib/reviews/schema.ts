import { z } from "zod";
import { multiLine } from "@/lib/validation";
import { policySchema } from "@/lib/reviews/policy";

const ids = z
  .union([z.array(z.string()), z.string()])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
  .pipe(z.array(z.string().min(1).max(64)).max(20, "At most 20 reviewers."));

export const REVIEW_COMMENT_MAX = 2000;

const base = { teamId: z.string().min(1), postmortemId: z.string().min(1) };
/** The version the reviewer read: an approval is refused if the document has changed since. */
const version = z.coerce.number().int().min(1);

export const requestReviewSchema = z.object({ ...base, reviewerIds: ids });
/** The facts (timeline, tasks, times) the reviewer saw; optional for callers that show no facts. */
const factsVersion = z.coerce.number().int().min(1).optional();

export const approveSchema = z.object({ ...base, contentVersion: version, factsVersion, comment: multiLine({ max: REVIEW_COMMENT_MAX, tooLong: "Keep it under 2,000 characters." }).default("") });
export const requestChangesSchema = z.object({
  ...base,
  contentVersion: version,
  factsVersion,
  comment: multiLine({ max: REVIEW_COMMENT_MAX, required: "Say what needs to change.", tooLong: "Keep it under 2,000 characters." }),
});
export const withdrawSchema = z.object(base);

const checkbox = z.union([z.literal("on"), z.literal("true"), z.boolean()]).optional().transform((v) => v === "on" || v === "true" || v === true);

/** The settings form: one set of fields per severity. */
export const policyFormSchema = z
  .object({
    teamId: z.string().min(1),
    factsCountAsChange: checkbox,
    ...Object.fromEntries(
      (["SEV1", "SEV2", "SEV3", "SEV4"] as const).flatMap((sev) => [
        [`${sev}.approvals`, z.string()],
        [`${sev}.commander`, checkbox],
        [`${sev}.admin`, checkbox],
        [`${sev}.overdueDays`, z.string()],
      ]),
    ),
  })
  .transform((form, ctx) => {
    const record = form as Record<string, unknown>;
    const candidate = {
      factsCountAsChange: form.factsCountAsChange,
      rules: Object.fromEntries(
        (["SEV1", "SEV2", "SEV3", "SEV4"] as const).map((sev) => [sev, { approvals: record[`${sev}.approvals`], commander: record[`${sev}.commander`], admin: record[`${sev}.admin`] }]),
      ),
      overdueDays: Object.fromEntries((["SEV1", "SEV2", "SEV3", "SEV4"] as const).map((sev) => [sev, record[`${sev}.overdueDays`]])),
    };
    const parsed = policySchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [group, sev, field] = issue.path.map(String);
        const key = group === "rules" ? `${sev}.${field}` : group === "overdueDays" ? `${sev}.overdueDays` : String(group);
        ctx.addIssue({ code: "custom", message: issue.message, path: [key] });
      }
      return z.NEVER;
    }
    return { teamId: String(record.teamId), policy: parsed.data };
  });
