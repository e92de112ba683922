import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError, statusOf, toErrorBody } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/same-origin";
import { saveDiagram } from "@/lib/postmortems/diagrams";

/** The editor keeps each Mermaid picture it draws (JSON `{ source, svg }`). Same-origin only, like uploads. */
export async function POST(request: Request, { params }: { params: Promise<{ team: string; number: string }> }) {
  try {
    assertSameOrigin(request.headers);
    const user = await getCurrentUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
    const { team, number } = await params;
    const input: unknown = await request.json().catch(() => null);
    return Response.json(await saveDiagram(user.id, team, Number(number), input), { status: 201 });
  } catch (error) {
    const body = toErrorBody(error);
    return Response.json({ error: body }, { status: statusOf(body) });
  }
}
