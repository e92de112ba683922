import { getCurrentUser } from "@/lib/auth/current-user";
import { loadTeamContext } from "@/lib/teams/actor";
import { alertsChangedSince, alertsHub } from "@/lib/alerts/live";
import { KEEP_ALIVE, READY_MESSAGE } from "@/lib/realtime/messages";

export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 25_000;
const CHANGED = "event: changed\ndata: {}\n\n";

/**
 * Server-sent events: "changed" whenever the team's alerts change; the page re-reads its list.
 * `since` (the page's render time, ms) closes the gap between render and connection.
 */
export async function GET(request: Request, { params }: { params: Promise<{ team: string }> }) {
  const user = await getCurrentUser();
  const context = user ? await loadTeamContext(user, (await params).team) : null;
  if (!context) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  const sinceMs = Number(new URL(request.url).searchParams.get("since"));
  const hub = alertsHub();
  await hub.listening();
  const missed = Number.isFinite(sinceMs) && sinceMs > 0 ? await alertsChangedSince(context.team.id, new Date(sinceMs)) : false;
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const unsubscribe = hub.subscribe(context.team.id, () => send(CHANGED));
      const heartbeat = setInterval(() => send(KEEP_ALIVE), HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      request.signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // Already closed.
        }
      });
      send(READY_MESSAGE);
      if (missed) send(CHANGED);
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, { headers: { "Content-Type": "text/event-stream", "Cache-Control": "no-store, no-transform", "X-Accel-Buffering": "no" } });
}
