import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/record";
import { parseInput } from "@/lib/validation";
import { loadActor } from "@/lib/teams/actor";
import { isUniqueViolation } from "@/lib/prisma-errors";
import { archiveTemplateSchema, saveTemplateSchema } from "@/lib/postmortems/templates/schema";

const duplicateName = () => new AppError("VALIDATION", "Please correct the highlighted fields.", { name: ["The team already has a template with this name."] });

/**
 * Creates a team template, or saves one from the version it was opened at: if someone else
 * saved it meanwhile, the save is refused with their name and nothing is overwritten.
 */
export async function saveTemplate(userId: string, input: unknown) {
  const data = parseInput(saveTemplateSchema, input);
  try {
    return await db().$transaction(async (tx) => {
      const actor = await loadActor(tx, userId, data.teamId);
      authorize(actor, "template.manage", { teamId: data.teamId });
      const clash = await tx.postmortemTemplate.findFirst({
        where: { teamId: data.teamId, name: { equals: data.name, mode: "insensitive" }, archivedAt: null, ...(data.templateId ? { NOT: { id: data.templateId } } : {}) },
        select: { id: true },
      });
      if (clash) throw duplicateName();
      const fields = { name: data.name, description: data.description, sections: data.sections, updatedById: userId };
      if (!data.templateId) {
        const created = await tx.postmortemTemplate.create({ data: { teamId: data.teamId, ...fields }, select: { id: true } });
        await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "template.created", targetType: "template", targetId: created.id, data: { name: data.name } });
        return { id: created.id };
      }
      const { count } = await tx.postmortemTemplate.updateMany({
        where: { id: data.templateId, teamId: data.teamId, archivedAt: null, version: data.version ?? 0 },
        data: { ...fields, version: { increment: 1 } },
      });
      if (count === 0) {
        const current = await tx.postmortemTemplate.findFirst({ where: { id: data.templateId, teamId: data.teamId }, select: { archivedAt: true, updatedBy: { select: { name: true } } } });
        if (!current || current.archivedAt) throw new AppError("NOT_FOUND", "This template was not found.");
        throw new AppError("CONFLICT", `${current.updatedBy?.name ?? "Someone"} saved this template while you were editing it. Reload to see their version; your changes are still in the form.`);
      }
      await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "template.updated", targetType: "template", targetId: data.templateId, data: { name: data.name } });
      return { id: data.templateId };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName();
    throw error;
  }
}

/** Archived templates leave the picker; postmortems started from them keep their content. */
export async function archiveTemplate(userId: string, input: unknown) {
  const data = parseInput(archiveTemplateSchema, input);
  return db().$transaction(async (tx) => {
    const actor = await loadActor(tx, userId, data.teamId);
    authorize(actor, "template.manage", { teamId: data.teamId });
    // The name is freed for a new template: the archived one is renamed with its id.
    const template = await tx.postmortemTemplate.findFirst({ where: { id: data.templateId, teamId: data.teamId, archivedAt: null }, select: { id: true, name: true } });
    if (!template) throw new AppError("NOT_FOUND", "This template was not found.");
    await tx.postmortemTemplate.update({ where: { id: template.id }, data: { archivedAt: new Date(), name: `${template.name} (archived ${template.id})` } });
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "template.archived", targetType: "template", targetId: template.id, data: { name: template.name } });
    return { archived: true };
  });
}
