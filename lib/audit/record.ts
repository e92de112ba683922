import type { Tx } from "@/lib/db";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";

export type AuditEntry = {
  teamId: string | null;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  data?: Record<string, InputJsonValue | null>;
};

/** Written inside the mutation's transaction so the record and the change land together. */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      teamId: entry.teamId,
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      data: entry.data ?? {},
    },
  });
}
