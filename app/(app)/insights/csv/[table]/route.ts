import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError, statusOf, toErrorBody } from "@/lib/errors";
import { insightsCsv } from "@/lib/insights/export";

export const dynamic = "force-dynamic";

/** One table of the cross-team Insights as CSV, with the page's filters (same query string). */
export async function GET(request: Request, { params }: { params: Promise<{ table: string }> }) {
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
    const { table } = await params;
    const file = await insightsCsv(user, null, table, new URL(request.url).searchParams);
    return new Response(file.body, {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${file.filename}"`, "Cache-Control": "no-store" },
    });
  } catch (error) {
    const body = toErrorBody(error);
    return Response.json({ error: body }, { status: statusOf(body) });
  }
}
