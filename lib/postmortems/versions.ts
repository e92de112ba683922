import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/record";
import { parseInput } from "@/lib/validation";
import { loadActor } from "@/lib/teams/actor";
import { restoreVersionSchema, saveVersionSchema } from "@/lib/postmortems/schema";
import { writeSnapshot } from "@/lib/postmortems/snapshots";
import { requestRestore } from "@/lib/postmortems/collab-client";

/** Keeps the document as last stored (at most a couple of seconds behind the editors) as a named version. */
export async function saveNamedVersion(userId: string, input: unknown) {
  const data = parseInput(saveVersionSchema, input);
  return db().$transaction(async (tx) => {
    const actor = await loadActor(tx, userId, data.teamId);
    authorize(actor, "postmortem.snapshot", { teamId: data.teamId });
    const current = await tx.postmortem.findFirst({
      where: { id: data.postmortemId, teamId: data.teamId },
      select: { ydoc: true, content: true, markdown: true, contentHash: true, contentVersion: true },
    });
    if (!current) throw new AppError("NOT_FOUND", "This postmortem was not found.");
    const snapshot = await writeSnapshot(
      tx,
      {
        postmortemId: data.postmortemId,
        teamId: data.teamId,
        ydoc: new Uint8Array(current.ydoc),
        content: current.content as object,
        markdown: current.markdown,
        contentHash: current.contentHash,
        contentVersion: current.contentVersion,
      },
      "NAMED",
      data.name,
      userId,
    );
    await recordAudit(tx, {
      teamId: data.teamId,
      actorId: userId,
      action: "postmortem.version_saved",
      targetType: "postmortem",
      targetId: data.postmortemId,
      data: { snapshotId: snapshot.id, name: data.name },
    });
    return snapshot;
  });
}

/** Restores a saved version as a new change; the content it replaces is kept as a version first. */
export async function restoreVersion(userId: string, input: unknown) {
  const data = parseInput(restoreVersionSchema, input);
  const actor = await loadActor(db(), userId, data.teamId);
  authorize(actor, "postmortem.edit", { teamId: data.teamId });
  const snapshot = await db().postmortemSnapshot.findFirst({
    where: { id: data.snapshotId, postmortemId: data.postmortemId, teamId: data.teamId },
    select: { id: true, name: true, contentVersion: true },
  });
  if (!snapshot) throw new AppError("NOT_FOUND", "This version was not found.");
  await requestRestore(data.postmortemId, snapshot.id, userId);
  await db().$transaction((tx) =>
    recordAudit(tx, {
      teamId: data.teamId,
      actorId: userId,
      action: "postmortem.version_restored",
      targetType: "postmortem",
      targetId: data.postmortemId,
      data: { snapshotId: snapshot.id, name: snapshot.name, contentVersion: snapshot.contentVersion },
    }),
  );
  return { restored: snapshot.name || `version ${snapshot.contentVersion}` };
}
