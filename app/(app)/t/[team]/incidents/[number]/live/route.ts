import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError, statusOf, toErrorBody } from "@/lib/errors";
import { loadIncidentChanges, findReadableIncident } from "@/lib/incidents/live";
import { incidentHub, OVERLAP_MS } from "@/lib/realtime/hub";
import { changesMessage, KEEP_ALIVE, READY_MESSAGE, RELOAD_MESSAGE, statusMessage } from "@/lib/realtime/messages";

export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 25_000;
/** A viewer this far behind on reading (slow network, suspended tab) is told to reload instead of queueing more. */
const MAX_BUFFERED_BYTES = 1_000_000;

/** Where the viewer left off: the last event id it received (on reconnect), else the page's render time. */
function resumeFrom(request: Request): number | null {
  const raw = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("since");
  const at = raw ? Number(raw) : NaN;
  return Number.isFinite(at) && at > 0 ? at : null;
}

/**
 * Server-sent events: every change to the incident's timeline as data ("changes"), for as long as
 * the viewer may see it, first catching up from where the viewer left off.
 */
export async function GET(request: Request, { params }: { params: Promise<{ team: string; number: string }> }) {
  try {
    const { team: slug, number } = await params;
    const user = await getCurrentUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to follow this incident.");
    const target = await findReadableIncident(user.id, slug, Number(number));
    const since = resumeFrom(request);
    const hub = incidentHub();

    const encoder = new TextEncoder();
    let cleanup = () => {};
    const stream = new ReadableStream<Uint8Array>(
      {
        async start(controller) {
          let open = true;
          const close = () => {
            if (!open) return;
            open = false;
            cleanup();
            try {
              controller.close();
            } catch {
              // Already closed by the browser going away.
            }
          };
          const send = (text: string) => {
            if (!open) return;
            try {
              if ((controller.desiredSize ?? 0) < -MAX_BUFFERED_BYTES) {
                controller.enqueue(encoder.encode(RELOAD_MESSAGE));
                close();
                return;
              }
              controller.enqueue(encoder.encode(text));
            } catch {
              close();
            }
          };
          const unsubscribe = await hub.subscribe(target.teamId, target.incidentId, { userId: user.id, send, close });
          const heartbeat = setInterval(() => send(KEEP_ALIVE), HEARTBEAT_MS);
          cleanup = () => {
            clearInterval(heartbeat);
            unsubscribe();
          };
          request.signal.addEventListener("abort", close);
          send(READY_MESSAGE);
          if (!hub.listening) send(statusMessage("reconnecting"));
          // Subscribed first, then caught up: a change committed in between arrives twice at worst (merged by id).
          if (since !== null) {
            const missed = await loadIncidentChanges(target.teamId, target.incidentId, since - OVERLAP_MS);
            if (missed.tooMany) send(RELOAD_MESSAGE);
            else if (missed.events.length > 0 || missed.facts) send(changesMessage(missed));
          }
        },
        cancel() {
          cleanup();
        },
      },
      { highWaterMark: MAX_BUFFERED_BYTES, size: (chunk) => chunk.byteLength },
    );
    return new Response(stream, {
      headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", Connection: "keep-alive", "X-Accel-Buffering": "no" },
    });
  } catch (error) {
    const body = toErrorBody(error);
    return Response.json({ error: body }, { status: statusOf(body) });
  }
}
