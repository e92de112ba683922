import { db } from "@/lib/db";
import { singleLine } from "@/lib/validation";
import { SEVERITY_DESCRIPTION_MAX } from "@/lib/incidents/schema";
import type { Severity } from "@/lib/generated/prisma/enums";
import { authorize, type Actor } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/record";
import { parseInput } from "@/lib/validation";
import { loadActor } from "@/lib/teams/actor";
import { DEFAULT_SEVERITY_DESCRIPTION } from "@/lib/incidents/labels";
import { SEVERITIES } from "@/lib/incidents/fields";
import { z } from "zod";

/** The team's wording for each level, falling back to Hindsight's defaults. */
export async function severityDescriptions(actor: Actor, teamId: string): Promise<Record<Severity, string>> {
  authorize(actor, "incident.read", { teamId });
  const rows = await db().severityLevel.findMany({ where: { teamId }, select: { level: true, description: true } });
  return { ...DEFAULT_SEVERITY_DESCRIPTION, ...Object.fromEntries(rows.map((r) => [r.level, r.description])) };
}

const description = singleLine({ max: SEVERITY_DESCRIPTION_MAX, required: "Describe when to use this level.", tooLong: "Keep it under 300 characters." });

export const severityDescriptionsSchema = z.object({
  teamId: z.string().min(1),
  SEV1: description,
  SEV2: description,
  SEV3: description,
  SEV4: description,
});

export async function updateSeverityDescriptions(userId: string, input: unknown) {
  const data = parseInput(severityDescriptionsSchema, input);
  return db().$transaction(async (tx) => {
    authorize(await loadActor(tx, userId, data.teamId), "severity.update", { teamId: data.teamId });
    for (const level of SEVERITIES) {
      await tx.severityLevel.upsert({
        where: { teamId_level: { teamId: data.teamId, level } },
        create: { teamId: data.teamId, level, description: data[level] },
        update: { description: data[level] },
      });
    }
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "severity.updated", targetType: "team", targetId: data.teamId });
    return { teamId: data.teamId };
  });
}
