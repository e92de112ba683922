import { signedRequestBody } from "@/lib/collab/internal-request";
import { collabPort } from "@/lib/collab/port";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/** Asks the collaboration server to write a saved version into the live document (it owns the document while people edit). */
export async function requestRestore(postmortemId: string, snapshotId: string, userId: string): Promise<void> {
  const { body, signature } = signedRequestBody({ postmortemId, snapshotId, userId }, env().NEXTAUTH_SECRET);
  let response: Response;
  try {
    response = await fetch(`http://127.0.0.1:${collabPort()}/internal/restore`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Hindsight-Signature": signature },
      body,
      signal: AbortSignal.timeout(30_000),
    });
  } catch {
    throw new AppError("UNAVAILABLE", "The collaboration server is not reachable, so nothing was restored. Try again in a moment.");
  }
  if (response.status === 404) throw new AppError("NOT_FOUND", "This version was not found.");
  if (!response.ok) throw new AppError("UNAVAILABLE", "The collaboration server could not restore this version. Nothing was changed.");
}
