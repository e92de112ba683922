import { getCurrentUser } from "@/lib/auth/current-user";
import { env } from "@/lib/env";
import { db } from "@/lib/db";
import { loadActor } from "@/lib/teams/actor";
import { getPostmortemStatus } from "@/lib/postmortems/queries";
import { getPublishingView } from "@/lib/publishing/queries";
import { PUBLIC_CSP } from "@/lib/publishing/public-headers";
import { renderPublicPage } from "@/lib/publishing/html/page";

export const dynamic = "force-dynamic";

/** The public page exactly as publishing now would produce it (same renderer, same redaction), for the team only. */
export async function GET(request: Request, { params }: { params: Promise<{ team: string; number: string }> }) {
  const { team: slug, number } = await params;
  const user = await getCurrentUser();
  const team = await db().team.findUnique({ where: { slug }, select: { id: true, name: true, slug: true, publicIndex: true } });
  const actor = user && team ? await loadActor(db(), user.id, team.id) : null;
  const incident = actor && team && Number.isSafeInteger(Number(number)) ? await db().incident.findFirst({ where: { teamId: team.id, number: Number(number) }, select: { id: true } }) : null;
  const status = actor && team && incident ? await getPostmortemStatus(actor, team.id, incident.id) : null;
  if (!actor || !team || !status) return new Response("Not found", { status: 404 });
  const view = await getPublishingView(actor, team.id, status.id);
  const now = new Date();
  const path = `/t/${team.slug}/incidents/${number}/postmortem/publish/preview`;
  const origin = env().NEXTAUTH_URL?.replace(/\/$/, "") ?? new URL(request.url).origin;
  const body = renderPublicPage(
    {
      kind: "edition",
      publicationId: "preview",
      slug: "preview",
      canonicalPath: path,
      noindex: true,
      team,
      edition: { id: "preview", number: 1, title: view.postmortem.title, subtitle: "", body: view.body, publishedAt: now },
      latest: { number: 1, publishedAt: now },
      editions: [{ number: 1, note: "", publishedAt: now }],
    },
    origin,
    path,
    true,
  );
  return new Response(body, {
    headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": PUBLIC_CSP, "Cache-Control": "no-store", "X-Robots-Tag": "noindex" },
  });
}
