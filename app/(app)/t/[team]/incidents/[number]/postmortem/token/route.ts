import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError, statusOf, toErrorBody } from "@/lib/errors";
import { issueCollabToken } from "@/lib/postmortems/collab-token";

export const dynamic = "force-dynamic";

/** A fresh collaboration token, fetched by the editor before every (re)connection. */
export async function GET(_request: Request, { params }: { params: Promise<{ team: string; number: string }> }) {
  try {
    const { team, number } = await params;
    const user = await getCurrentUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
    const grant = await issueCollabToken(user.id, team, Number(number));
    return Response.json(grant, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    const body = toErrorBody(error);
    return Response.json({ error: body }, { status: statusOf(body), headers: { "Cache-Control": "no-store" } });
  }
}
