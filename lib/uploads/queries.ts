import { db } from "@/lib/db";
import { can } from "@/lib/authz";
import { loadActor } from "@/lib/teams/actor";

/** An uploaded image for a member of its team; null for anyone else (who is told "not found"). */
export async function readImage(userId: string, uploadId: string) {
  if (!/^[a-z0-9]{10,40}$/i.test(uploadId)) return null;
  const upload = await db().upload.findUnique({ where: { id: uploadId }, select: { teamId: true, contentType: true, data: true, sha256: true } });
  if (!upload) return null;
  const actor = await loadActor(db(), userId, upload.teamId);
  return can(actor, "postmortem.read", { teamId: upload.teamId }) ? upload : null;
}
