import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError, statusOf, toErrorBody } from "@/lib/errors";
import { exportPostmortem } from "@/lib/postmortems/export-file";

export const dynamic = "force-dynamic";

/** Downloads the internal postmortem as Markdown (?format=md) or JSON (?format=json). */
export async function GET(request: Request, { params }: { params: Promise<{ team: string; number: string }> }) {
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
    const { team, number } = await params;
    const format = new URL(request.url).searchParams.get("format") === "json" ? "json" : "md";
    const file = await exportPostmortem(user.id, team, Number(number), format);
    return new Response(file.body, {
      headers: { "Content-Type": file.contentType, "Content-Disposition": `attachment; filename="${file.filename}"`, "Cache-Control": "no-store" },
    });
  } catch (error) {
    const body = toErrorBody(error);
    return Response.json({ error: body }, { status: statusOf(body) });
  }
}
