import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError, notFound as notFoundError, statusOf, toErrorBody } from "@/lib/errors";
import { db } from "@/lib/db";
import { loadActor } from "@/lib/teams/actor";
import { getIncident } from "@/lib/incidents/queries";
import { incidentHub } from "@/lib/realtime/hub";

export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 25_000;

/** Server-sent events: "change" whenever the incident or its timeline changes, for as long as the viewer may see it. */
export async function GET(request: Request, { params }: { params: Promise<{ team: string; number: string }> }) {
  try {
    const { team: slug, number } = await params;
    const user = await getCurrentUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to follow this incident.");
    const team = await db().team.findUnique({ where: { slug }, select: { id: true } });
    const actor = team ? await loadActor(db(), user.id, team.id) : null;
    if (!team || !actor) throw notFoundError("This incident");
    const incident = await getIncident(actor, team.id, Number(number));
    if (!incident) throw notFoundError("This incident");

    const encoder = new TextEncoder();
    let cleanup = () => {};
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (text: string) => {
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            cleanup();
          }
        };
        const unsubscribe = await incidentHub().subscribe(incident.id, () => {
          // A member removed while watching stops receiving updates at the next change.
          void loadActor(db(), user.id, team.id).then((still) => {
            if (still) send(`event: change\ndata: ${Date.now()}\n\n`);
            else {
              send("event: revoked\ndata: {}\n\n");
              cleanup();
              controller.close();
            }
          });
        });
        const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
        cleanup = () => {
          clearInterval(heartbeat);
          unsubscribe();
        };
        request.signal.addEventListener("abort", () => cleanup());
        send("retry: 2000\nevent: ready\ndata: {}\n\n");
      },
      cancel() {
        cleanup();
      },
    });
    return new Response(stream, {
      headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", Connection: "keep-alive", "X-Accel-Buffering": "no" },
    });
  } catch (error) {
    const body = toErrorBody(error);
    return Response.json({ error: body }, { status: statusOf(body) });
  }
}
