import { z } from "zod";
import { exportPostmortem } from "@/lib/postmortems/export-file";
import { defineEndpoint } from "@/lib/api/endpoint";
import { incidentParams } from "@/lib/api/resources/common";

const postmortem = z
  .object({
    title: z.string(),
    status: z.string(),
    contentVersion: z.number().int(),
    contentHash: z.string(),
    document: z.unknown().meta({ description: "The document as ProseMirror JSON (lib/postmortems/editor/extensions.ts)." }),
    markdown: z.string(),
    facts: z.unknown().meta({ description: "The incident's facts the live blocks show: summary, timeline, tasks." }),
  })
  .meta({ id: "Postmortem" });

export const getPostmortemEndpoint = defineEndpoint({
  method: "GET",
  path: "/teams/{team}/incidents/{number}/postmortem",
  operationId: "getPostmortem",
  tag: "Postmortems",
  summary: "Export a postmortem as JSON",
  description: "The incident's postmortem as the app's JSON export: document, Markdown and the incident's facts.",
  access: "READ",
  params: incidentParams,
  response: { status: 200, description: "The postmortem.", schema: postmortem },
  errors: [400],
  async run({ userId, team, params }) {
    const file = await exportPostmortem(userId, team.slug, params.number, "json");
    return { text: file.body, contentType: file.contentType };
  },
});

export const getPostmortemMarkdownEndpoint = defineEndpoint({
  method: "GET",
  path: "/teams/{team}/incidents/{number}/postmortem.md",
  operationId: "getPostmortemMarkdown",
  tag: "Postmortems",
  summary: "Export a postmortem as Markdown",
  description: "The postmortem as a standalone Markdown file, the same as the app's export (an import reads it back).",
  access: "READ",
  params: incidentParams,
  response: { status: 200, description: "The Markdown file.", schema: z.string(), contentType: "text/markdown" },
  errors: [400],
  async run({ userId, team, params }) {
    const file = await exportPostmortem(userId, team.slug, params.number, "md");
    return { text: file.body, contentType: file.contentType, headers: { "Content-Disposition": `inline; filename="${file.filename}"` } };
  },
});
