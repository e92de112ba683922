import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/record";
import { loadActor } from "@/lib/teams/actor";
import { sniffImageType } from "@/lib/uploads/image-type";

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** Stores an image for a postmortem in the database; only the team can read it back. */
export async function saveImage(userId: string, teamSlug: string, incidentNumber: number, file: File | null) {
  if (!file || typeof file.arrayBuffer !== "function") throw new AppError("VALIDATION", "Choose an image to upload.", { file: ["Choose an image to upload."] });
  if (file.size > MAX_UPLOAD_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", `Images can be at most 5 MB; this one is ${(file.size / 1024 / 1024).toFixed(1)} MB.`, { file: ["Too large."] });
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const contentType = sniffImageType(bytes);
  if (!contentType) throw new AppError("VALIDATION", "Only PNG, JPEG, GIF and WebP images can be uploaded.", { file: ["Not a supported image."] });
  return db().$transaction(async (tx) => {
    const team = await tx.team.findUnique({ where: { slug: teamSlug }, select: { id: true } });
    const actor = team ? await loadActor(tx, userId, team.id) : null;
    if (!team) throw new AppError("NOT_FOUND", "This team was not found.");
    authorize(actor, "postmortem.edit", { teamId: team.id });
    const postmortem = Number.isSafeInteger(incidentNumber)
      ? await tx.postmortem.findFirst({ where: { teamId: team.id, incident: { number: incidentNumber } }, select: { id: true } })
      : null;
    if (!postmortem) throw new AppError("NOT_FOUND", "This postmortem was not found.");
    const upload = await tx.upload.create({
      data: {
        teamId: team.id,
        postmortemId: postmortem.id,
        uploadedById: userId,
        contentType,
        byteSize: bytes.byteLength,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        data: bytes,
      },
      select: { id: true },
    });
    await recordAudit(tx, { teamId: team.id, actorId: userId, action: "upload.created", targetType: "postmortem", targetId: postmortem.id, data: { uploadId: upload.id, bytes: bytes.byteLength } });
    return { id: upload.id, url: `/api/uploads/${upload.id}` };
  });
}
