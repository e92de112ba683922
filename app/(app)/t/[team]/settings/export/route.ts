import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError, statusOf, toErrorBody } from "@/lib/errors";
import { teamArchiveFor } from "@/lib/team-transfer/download";

export const dynamic = "force-dynamic";

/** Downloads the whole team as one archive (owners only), for `npm run team:import` on another instance. */
export async function GET(_request: Request, { params }: { params: Promise<{ team: string }> }) {
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
    const file = await teamArchiveFor(user.id, (await params).team);
    return new Response(new Uint8Array(file.body), {
      headers: { "Content-Type": "application/gzip", "Content-Disposition": `attachment; filename="${file.filename}"`, "Cache-Control": "no-store" },
    });
  } catch (error) {
    const body = toErrorBody(error);
    return Response.json({ error: body }, { status: statusOf(body) });
  }
}
