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
import { PeopleMatcher } from "@/lib/publishing/people";
import { loadPeople, PERSON_ROLES, renamer, rolesFor } from "@/lib/publishing/person-roles";

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
    select: { id: true, title: true, status: true, content: true, contentVersion: true, incidentId: true, incident: { select: { commanderId: true } }, team: { select: { name: true, slug: true, internalHostPatterns: true, publicIndex: true, publicBranding: { select: { accent: true } } } } },
  });
  if (!postmortem) throw new AppError("NOT_FOUND", "This postmortem was not found.");
  const [facts, people, publication] = await Promise.all([
    loadPostmortemFacts(actor, teamId, postmortem.incidentId),
    loadPeople(db(), teamId),
    db().publication.findUnique({
      where: { postmortemId },
      select: {
        slug: true,
        customSlug: true,
        noindex: true,
        listed: true,
        revokedAt: true,
        personRoles: true,
        editions: {
          orderBy: { number: "desc" },
          take: 50,
          select: { number: true, title: true, subtitle: true, note: true, publishedAt: true, contentVersion: true, withdrawnAt: true, withdrawnNote: true, publishedBy: { select: { name: true } } },
        },
      },
    }),
  ]);
  if (!facts) throw new AppError("NOT_FOUND", "This incident was not found.");
  const content = postmortem.content as JSONContent;
  const drawn = await loadDiagrams(db(), postmortem.id, content);
  // Members named in what would be public, each with the role that replaces the name.
  const named = buildEditionBody(content, facts, [], drawn);
  const title = publication?.editions[0]?.title ?? postmortem.title;
  const mentions = new PeopleMatcher(people).find(publicText(title, publication?.editions[0]?.subtitle ?? "", named));
  const roles = rolesFor(people, postmortem.incident.commanderId, publication?.personRoles);
  const rename = renamer(people, roles);
  const body: EditionBody = buildEditionBody(content, facts, [], drawn, rename);
  const leaks = findLeaks(publicText(rename(title), "", body), { people, hostPatterns: postmortem.team.internalHostPatterns.split("\n") });
  const byId = new Map(people.map((p) => [p.id, p]));
  const mentioned = [...new Set(mentions.map((m) => m.personId))].map((id) => ({ id, name: byId.get(id)?.name ?? "", role: roles[id]! }));
  const redacted = redactDocument(content);
  const allSections = sectionsOf(content).length;
  const publicSections = sectionsOf(redacted).length;
  return {
    postmortem,
    body,
    leaks,
    mentions,
    mentioned,
    roleOptions: PERSON_ROLES,
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
  return db().team.findUniqueOrThrow({ where: { id: teamId }, select: { publicIndex: true, internalHostPatterns: true, slug: true, publicBranding: { select: { accent: true } } } });
}
