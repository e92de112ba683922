import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/record";
import { parseInput } from "@/lib/validation";
import { loadActor } from "@/lib/teams/actor";
import { isUniqueViolation } from "@/lib/prisma-errors";
import { notifyIncidentChanged } from "@/lib/realtime/notify";
import { recordSystemEvents } from "@/lib/timeline/system-events";
import { renamePostmortemSchema, startPostmortemSchema } from "@/lib/postmortems/schema";
import { resolveTemplate } from "@/lib/postmortems/templates/queries";
import { documentFromTemplate } from "@/lib/postmortems/templates/build";
import { contentHash, documentToMarkdown, encodeDocument, normaliseDocument } from "@/lib/postmortems/document";
import { writeSnapshot } from "@/lib/postmortems/snapshots";

/** Starts the incident's postmortem from a template. An incident has at most one; a second start is refused. */
export async function startPostmortem(userId: string, input: unknown) {
  const data = parseInput(startPostmortemSchema, input);
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
      const template = await resolveTemplate(tx, data.teamId, data.templateId);
      const content = normaliseDocument(documentFromTemplate(template.sections));
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
        `Started from the “${template.name}” template`,
        userId,
        now,
      );
      await recordSystemEvents(tx, { teamId: data.teamId, incidentId: incident.id, actorId: userId, at: now }, [
        { kind: "UPDATE", body: `Postmortem started from the “${template.name}” template.` },
      ]);
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
