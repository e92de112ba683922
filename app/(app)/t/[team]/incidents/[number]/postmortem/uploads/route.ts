import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError, statusOf, toErrorBody } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/same-origin";
import { saveImage } from "@/lib/uploads/mutations";

/** Image upload from the editor (multipart field "file"). Same-origin only: the session cookie is SameSite=Lax and the Origin is checked. */
export async function POST(request: Request, { params }: { params: Promise<{ team: string; number: string }> }) {
  try {
    assertSameOrigin(request.headers);
    const user = await getCurrentUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
    const { team, number } = await params;
    const form = await request.formData().catch(() => null);
    const file = form?.get("file");
    const saved = await saveImage(user.id, team, Number(number), file instanceof File ? file : null);
    return Response.json(saved, { status: 201 });
  } catch (error) {
    const body = toErrorBody(error);
    return Response.json({ error: body }, { status: statusOf(body) });
  }
}
