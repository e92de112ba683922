import type { JSONContent } from "@tiptap/core";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { loadPostmortemFacts } from "@/lib/postmortems/facts";
import { sectionsOf } from "@/lib/postmortems/document";
import { buildEditionBody, publicText, type EditionBody } from "@/lib/publishing/edition";
import { redactDocument } from "@/lib/publishing/redact";
import { findLeaks } from "@/lib/publishing/leaks";
import { loadDiagrams } from "@/lib/postmortems/diagrams";
import { diagramKey, mermaidSources } from "@/lib/postmortems/diagram-key";

function countInternalPassages(node: JSONContent): number {
  const own = node.type === "text" && node.marks?.some((m) => m.type === "internal") ? 1 : 0;
  return own + (node.content ?? []).reduce((sum, child) => sum + countInternalPassages(child), 0);
}

/**
 * Everything the publish page needs: the edition as it would be published now (redacted), what
 * redaction leaves out, the likely leaks in what remains, and the link's state and editions.
 */
export async function getPublishingView(actor: NonNullable<Actor>, teamId: string, postmortemId: string) {
  authorize(actor, "postmortem.read", { teamId });
  const postmortem = await db().postmortem.findFirst({
    where: { id: postmortemId, teamId },
    select: { id: true, title: true, status: true, content: true, contentVersion: true, incidentId: true, team: { select: { name: true, slug: true, internalHostPatterns: true, publicIndex: true } } },
  });
  if (!postmortem) throw new AppError("NOT_FOUND", "This postmortem was not found.");
  const [facts, members, publication] = await Promise.all([
    loadPostmortemFacts(actor, teamId, postmortem.incidentId),
    db().membership.findMany({ where: { teamId }, take: 1000, select: { user: { select: { name: true } } } }),
    db().publication.findUnique({
      where: { postmortemId },
      select: {
        slug: true,
        customSlug: true,
        noindex: true,
        listed: true,
        revokedAt: true,
        editions: { orderBy: { number: "desc" }, take: 50, select: { number: true, title: true, subtitle: true, note: true, publishedAt: true, contentVersion: true, publishedBy: { select: { name: true } } } },
      },
    }),
  ]);
  if (!facts) throw new AppError("NOT_FOUND", "This incident was not found.");
  const content = postmortem.content as JSONContent;
  const drawn = await loadDiagrams(db(), postmortem.id, content);
  const body: EditionBody = buildEditionBody(content, facts, [], drawn);
  const leaks = findLeaks(publicText(postmortem.title, "", body), {
    memberNames: members.map((m) => m.user.name),
    hostPatterns: postmortem.team.internalHostPatterns.split("\n"),
  });
  const redacted = redactDocument(content);
  const allSections = sectionsOf(content).length;
  const publicSections = sectionsOf(redacted).length;
  return {
    postmortem,
    body,
    leaks,
    omitted: {
      sections: allSections - publicSections,
      passages: countInternalPassages(content),
      events: facts.events.filter((e) => e.internal).length,
      tasks: facts.tasks.filter((t) => t.internal).length,
    },
    /** Public Mermaid blocks no editor has drawn yet: the page would show their source. */
    undrawnDiagrams: mermaidSources(redacted).filter((source) => !body.diagrams?.[diagramKey(source)]).length,
    publication,
    teamSlug: postmortem.team.slug,
  };
}

export type PublishingView = Awaited<ReturnType<typeof getPublishingView>>;

export async function getPublishingSettings(actor: Actor, teamId: string) {
  authorize(actor, "team.read", { teamId });
  return db().team.findUniqueOrThrow({ where: { id: teamId }, select: { publicIndex: true, internalHostPatterns: true, slug: true } });
}
