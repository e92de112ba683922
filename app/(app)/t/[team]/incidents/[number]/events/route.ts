import { requireUserOrThrow } from "@/lib/auth/current-user";
import { statusOf, toErrorBody } from "@/lib/errors";
import { loadEarlierEvents } from "@/lib/incidents/page-data";

export const dynamic = "force-dynamic";

/** Older events of the timeline (or older matches of a search), by keyset: `?before=<cursor>[&q=]`, as JSON. */
export async function GET(request: Request, { params }: { params: Promise<{ team: string; number: string }> }) {
  try {
    const { team, number } = await params;
    const user = await requireUserOrThrow();
    const search = new URL(request.url).searchParams;
    const page = await loadEarlierEvents(user.id, team, Number(number), search.get("before") ?? "", search.get("q") ?? undefined);
    return Response.json(page, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    const body = toErrorBody(error);
    return Response.json({ error: body }, { status: statusOf(body) });
  }
}
