import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { loadActor } from "@/lib/teams/actor";
import { loadPostmortemFacts } from "@/lib/postmortems/facts";
import { getPostmortemForIncident } from "@/lib/postmortems/queries";
import { cleanDocument } from "@/lib/postmortems/document";
import { exportMarkdown } from "@/lib/postmortems/export";
import { formatIncidentNumber } from "@/lib/incidents/labels";
import type { JSONContent } from "@tiptap/core";

/** The internal postmortem as a file, for members of its team. */
export async function exportPostmortem(userId: string, teamSlug: string, incidentNumber: number, format: "md" | "json") {
  const team = await db().team.findUnique({ where: { slug: teamSlug }, select: { id: true } });
  const actor = team ? await loadActor(db(), userId, team.id) : null;
  if (!team || !actor || !Number.isSafeInteger(incidentNumber)) throw notFound("This postmortem");
  const incident = await db().incident.findFirst({ where: { teamId: team.id, number: incidentNumber }, select: { id: true, number: true } });
  const postmortem = incident ? await getPostmortemForIncident(actor, team.id, incident.id) : null;
  const facts = incident ? await loadPostmortemFacts(actor, team.id, incident.id) : null;
  if (!incident || !postmortem || !facts) throw notFound("This postmortem");
  const base = `${formatIncidentNumber(incident.number).toLowerCase()}-postmortem`;
  if (format === "json") {
    const body = JSON.stringify(
      { title: postmortem.title, status: postmortem.status, contentVersion: postmortem.contentVersion, contentHash: postmortem.contentHash, document: cleanDocument(postmortem.content as JSONContent), markdown: postmortem.markdown, facts },
      null,
      2,
    );
    return { body, contentType: "application/json; charset=utf-8", filename: `${base}.json` };
  }
  return { body: exportMarkdown(postmortem.title, postmortem.markdown, facts), contentType: "text/markdown; charset=utf-8", filename: `${base}.md` };
}
