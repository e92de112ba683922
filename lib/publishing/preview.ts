import { db } from "@/lib/db";
import { locatePostmortem } from "@/lib/postmortems/locate";
import { getPublishingView } from "@/lib/publishing/queries";
import { renderPublicPage } from "@/lib/publishing/html/page";
import { publicOrigin } from "@/lib/publishing/origin";

/** The public page exactly as publishing now would produce it (same renderer, same redaction), for the team only. */
export async function renderPreview(userId: string, teamSlug: string, incidentNumber: number): Promise<string> {
  const { actor, teamId, postmortemId } = await locatePostmortem(db(), userId, teamSlug, incidentNumber, "postmortem.read");
  const view = await getPublishingView(actor, teamId, postmortemId);
  const { team } = view.postmortem;
  const now = new Date();
  const path = `/t/${team.slug}/incidents/${incidentNumber}/postmortem/publish/preview`;
  return renderPublicPage(
    {
      kind: "edition",
      publicationId: "preview",
      slug: "preview",
      canonicalPath: path,
      noindex: true,
      team: { name: team.name, slug: team.slug, publicIndex: team.publicIndex, accent: team.publicBranding?.accent ?? null },
      edition: { id: "preview", number: 1, title: view.postmortem.title, subtitle: "", body: view.body, publishedAt: now },
      latest: { number: 1, publishedAt: now },
      editions: [{ number: 1, note: "", publishedAt: now }],
    },
    publicOrigin(),
    path,
    true,
  );
}
