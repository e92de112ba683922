import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { locatePostmortem } from "@/lib/postmortems/locate";
import { loadPostmortemFacts } from "@/lib/postmortems/facts";
import { getPostmortemForIncident } from "@/lib/postmortems/queries";
import { cleanDocument, documentToMarkdown } from "@/lib/postmortems/document";
import { withoutEmptySections } from "@/lib/postmortems/empty-sections";
import { exportMarkdown } from "@/lib/postmortems/export";
import { formatIncidentNumber } from "@/lib/incidents/labels";
import type { JSONContent } from "@tiptap/core";

/** The internal postmortem as a file, for members of its team. */
export async function exportPostmortem(userId: string, teamSlug: string, incidentNumber: number, format: "md" | "json") {
  const { actor, teamId, incidentId } = await locatePostmortem(db(), userId, teamSlug, incidentNumber, "postmortem.read");
  const [postmortem, facts] = await Promise.all([getPostmortemForIncident(actor, teamId, incidentId), loadPostmortemFacts(actor, teamId, incidentId)]);
  if (!postmortem || !facts) throw notFound("This postmortem");
  const base = `${formatIncidentNumber(incidentNumber).toLowerCase()}-postmortem`;
  if (format === "json") {
    // Sections with nothing to show are left out, as on the public page and in the Markdown file.
    const document = cleanDocument(withoutEmptySections(postmortem.content as JSONContent, facts, "export"));
    const body = JSON.stringify(
      { title: postmortem.title, status: postmortem.status, contentVersion: postmortem.contentVersion, contentHash: postmortem.contentHash, document, markdown: documentToMarkdown(document), facts },
      null,
      2,
    );
    return { body, contentType: "application/json; charset=utf-8", filename: `${base}.json` };
  }
  return { body: exportMarkdown(postmortem.title, postmortem.content as JSONContent, facts), contentType: "text/markdown; charset=utf-8", filename: `${base}.md` };
}
