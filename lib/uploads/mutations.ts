import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { locatePostmortem } from "@/lib/postmortems/locate";
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
    const { teamId, postmortemId } = await locatePostmortem(tx, userId, teamSlug, incidentNumber, "postmortem.edit");
    const upload = await tx.upload.create({
      data: {
        teamId,
        postmortemId,
        uploadedById: userId,
        contentType,
        byteSize: bytes.byteLength,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        data: bytes,
      },
      select: { id: true },
    });
    await recordAudit(tx, { teamId, actorId: userId, action: "upload.created", targetType: "postmortem", targetId: postmortemId, data: { uploadId: upload.id, bytes: bytes.byteLength } });
    return { id: upload.id, url: `/api/uploads/${upload.id}` };
  });
}
