import type { Tx } from "@/lib/db";
import type { SnapshotKind } from "@/lib/generated/prisma/enums";

/** Automatic versions: one at most every ten minutes while people are writing. */
export const AUTO_SNAPSHOT_INTERVAL_MS = 10 * 60 * 1000;

export type SnapshotSource = {
  postmortemId: string;
  teamId: string;
  ydoc: Uint8Array<ArrayBuffer>;
  content: object;
  markdown: string;
  contentHash: string;
  contentVersion: number;
};

export async function writeSnapshot(
  tx: Tx,
  source: SnapshotSource,
  kind: SnapshotKind,
  name: string,
  createdById: string | null,
  createdAt: Date = new Date(),
): Promise<{ id: string }> {
  return tx.postmortemSnapshot.create({
    data: {
      postmortemId: source.postmortemId,
      teamId: source.teamId,
      kind,
      name,
      ydoc: source.ydoc,
      content: source.content,
      markdown: source.markdown,
      contentHash: source.contentHash,
      contentVersion: source.contentVersion,
      createdById,
      createdAt,
    },
    select: { id: true },
  });
}

/** Whether the latest version is old enough (or missing) that the current content deserves an automatic one. */
export async function autoSnapshotDue(tx: Tx, postmortemId: string, contentHash: string, now: Date): Promise<boolean> {
  const latest = await tx.postmortemSnapshot.findFirst({
    where: { postmortemId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { createdAt: true, contentHash: true },
  });
  if (!latest) return true;
  return latest.contentHash !== contentHash && now.getTime() - latest.createdAt.getTime() >= AUTO_SNAPSHOT_INTERVAL_MS;
}
