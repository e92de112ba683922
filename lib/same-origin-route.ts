import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError, statusOf, toErrorBody } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/same-origin";

/**
 * A write from our own pages to a route handler: same origin, signed in, and every failure as
 * JSON `{ error: { code, message, fields } }` with its status.
 */
export async function sameOriginWrite(request: Request, write: (userId: string) => Promise<Response>): Promise<Response> {
  try {
    assertSameOrigin(request.headers);
    const user = await getCurrentUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
    return await write(user.id);
  } catch (error) {
    const body = toErrorBody(error);
    return Response.json({ error: body }, { status: statusOf(body) });
  }
}
