import type { Tx } from "@/lib/db";
import type { TimelineKind } from "@/lib/generated/prisma/enums";

export type SystemLine = { kind: TimelineKind; body: string };

/** Status, severity and key-moment changes become timeline events, so the timeline is the full record. */
export async function recordSystemEvents(
  tx: Tx,
  target: { teamId: string; incidentId: string; actorId: string | null; at: Date },
  lines: SystemLine[],
): Promise<void> {
  if (lines.length === 0) return;
  await tx.timelineEvent.createMany({
    data: lines.map((line, i) => ({
      teamId: target.teamId,
      incidentId: target.incidentId,
      // Millisecond steps keep several changes from one save in the order they were described.
      occurredAt: new Date(target.at.getTime() + i),
      kind: line.kind,
      body: line.body,
      source: "SYSTEM" as const,
      authorId: target.actorId,
    })),
  });
}
