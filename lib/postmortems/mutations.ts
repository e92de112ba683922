import type { JSONContent } from "@tiptap/core";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/record";
import { parseInput } from "@/lib/validation";
import { loadActor } from "@/lib/teams/actor";
import { isUniqueViolation } from "@/lib/prisma-errors";
import { notifyIncidentChanged } from "@/lib/realtime/notify";
import { recordSystemEvents } from "@/lib/timeline/system-events";
import { importPostmortemSchema, renamePostmortemSchema, startPostmortemSchema } from "@/lib/postmortems/schema";
import { resolveTemplate } from "@/lib/postmortems/templates/queries";
import { documentFromTemplate } from "@/lib/postmortems/templates/build";
import { contentHash, documentToMarkdown, encodeDocument, normaliseDocument } from "@/lib/postmortems/document";
import { readImportFile } from "@/lib/postmortems/import-file";
import { writeSnapshot } from "@/lib/postmortems/snapshots";

type Origin = { teamId: string; incidentId: string; title: string };

/**
 * Creates the incident's postmortem with its first content (from a template or an import). An
 * incident has at most one; a second is refused, also when two are started at the same instant.
 */
async function createPostmortem(userId: string, data: Origin, source: (tx: Tx) => Promise<{ content: JSONContent; templateName: string; line: string }>) {
  try {
    return await db().$transaction(async (tx) => {
      const actor = await loadActor(tx, userId, data.teamId);
      authorize(actor, "postmortem.create", { teamId: data.teamId });
      const incident = await tx.incident.findFirst({
        where: { id: data.incidentId, teamId: data.teamId },
        select: { id: true, number: true, postmortem: { select: { id: true } } },
      });
      if (!incident) throw new AppError("NOT_FOUND", "This incident was not found.");
      if (incident.postmortem) throw new AppError("CONFLICT", "This incident already has a postmortem.");
      const { content: raw, templateName, line } = await source(tx);
      const template = { name: templateName };
      const content = normaliseDocument(raw);
      const ydoc = encodeDocument(content);
      const now = new Date();
      const markdown = documentToMarkdown(content);
      const hash = contentHash(content);
      const postmortem = await tx.postmortem.create({
        data: {
          teamId: data.teamId,
          incidentId: incident.id,
          title: data.title,
          templateName: template.name,
          authorId: userId,
          ydoc,
          content,
          markdown,
          contentHash: hash,
          docBytes: ydoc.byteLength,
          lastEditedById: userId,
          lastEditedAt: now,
        },
        select: { id: true },
      });
      // The starting point is a version too: "what has been written since we started" is always one diff away.
      await writeSnapshot(
        tx,
        { postmortemId: postmortem.id, teamId: data.teamId, ydoc, content, markdown, contentHash: hash, contentVersion: 1 },
        "AUTO",
        line.replace(/^Postmortem s/, "S").replace(/\.$/, ""),
        userId,
        now,
      );
      await recordSystemEvents(tx, { teamId: data.teamId, incidentId: incident.id, actorId: userId, at: now }, [{ kind: "UPDATE", body: line }]);
      await recordAudit(tx, {
        teamId: data.teamId,
        actorId: userId,
        action: "postmortem.started",
        targetType: "postmortem",
        targetId: postmortem.id,
        data: { incident: incident.number, template: template.name },
      });
      await notifyIncidentChanged(tx, incident.id);
      return { id: postmortem.id, incidentNumber: incident.number };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "This incident already has a postmortem.");
    throw error;
  }
}

/** Starts the incident's postmortem from a built-in or team template. */
export async function startPostmortem(userId: string, input: unknown) {
  const data = parseInput(startPostmortemSchema, input);
  return createPostmortem(userId, data, async (tx) => {
    const template = await resolveTemplate(tx, data.teamId, data.templateId);
    return { content: documentFromTemplate(template.sections), templateName: template.name, line: `Postmortem started from the “${template.name}” template.` };
  });
}

/** Starts the incident's postmortem from Markdown (e.g. an exported one); a leading "# Title" becomes the title if none is given. */
/**
 * Starts the postmortem from a file: a JSON export (its document, exactly) or Markdown (an
 * export of ours, with its sections, internal marks and live blocks, or any other Markdown).
 */
export async function importPostmortem(userId: string, input: unknown) {
  const data = parseInput(importPostmortemSchema, input);
  const file = readImportFile(data.markdown);
  const title = data.title || file.title || "Postmortem";
  return createPostmortem(userId, { ...data, title }, async () => {
    if (!file.content.content?.length) throw new AppError("VALIDATION", "Please correct the highlighted fields.", { markdown: ["Paste the postmortem's Markdown."] });
    return { content: file.content, templateName: file.kind === "json" ? "Imported JSON" : "Imported Markdown", line: `Postmortem started from imported ${file.kind === "json" ? "JSON" : "Markdown"}.` };
  });
}

export async function renamePostmortem(userId: string, input: unknown) {
  const data = parseInput(renamePostmortemSchema, input);
  return db().$transaction(async (tx) => {
    const actor = await loadActor(tx, userId, data.teamId);
    authorize(actor, "postmortem.edit", { teamId: data.teamId });
    const { count } = await tx.postmortem.updateMany({ where: { id: data.postmortemId, teamId: data.teamId }, data: { title: data.title } });
    if (count === 0) throw new AppError("NOT_FOUND", "This postmortem was not found.");
    await recordAudit(tx, {
      teamId: data.teamId,
      actorId: userId,
      action: "postmortem.renamed",
      targetType: "postmortem",
      targetId: data.postmortemId,
      data: { title: data.title },
    });
  });
}
