import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/record";
import { parseInput } from "@/lib/validation";
import { loadActor } from "@/lib/teams/actor";
import { isUniqueViolation } from "@/lib/prisma-errors";
import { loadPostmortemFacts } from "@/lib/postmortems/facts";
import { evaluate, lockSubject } from "@/lib/reviews/load";
import { changeStatus } from "@/lib/reviews/status-change";
import { publishSchema, publishingSettingsSchema, revokeSchema } from "@/lib/publishing/schema";
import { buildEditionBody } from "@/lib/publishing/edition";
import { randomSlug } from "@/lib/publishing/slug";
import { clearPublicPages } from "@/lib/publishing/cache";
import { loadDiagrams } from "@/lib/postmortems/diagrams";
import type { JSONContent } from "@tiptap/core";

/**
 * Publishes the approved postmortem as a new public edition: the redacted document and facts,
 * frozen, with the sign-off record. The first publication gets an unguessable link; later ones
 * are new editions at the same link. Only an approved version can be published.
 */
export async function publish(userId: string, input: unknown) {
  const data = parseInput(publishSchema, input);
  try {
    const result = await db().$transaction(async (tx) => {
      const actor = await loadActor(tx, userId, data.teamId);
      authorize(actor, "postmortem.publish", { teamId: data.teamId });
      const subject = await lockSubject(tx, data.teamId, data.postmortemId);
      if (subject.status !== "APPROVED" && subject.status !== "PUBLISHED") {
        throw new AppError("CONFLICT", "Only an approved postmortem can be published. Ask for review and sign-off first.");
      }
      if (data.contentVersion !== subject.contentVersion) {
        throw new AppError("CONFLICT", `The postmortem changed since you opened this page (now version ${subject.contentVersion}). Check the preview again.`);
      }
      const policy = await evaluate(tx, subject);
      if (!policy.met) throw new AppError("CONFLICT", "The approvals no longer meet the sign-off policy, so it cannot be published.");
      const row = await tx.postmortem.findUniqueOrThrow({ where: { id: subject.id }, select: { content: true, contentHash: true } });
      const facts = await loadPostmortemFacts(actor, data.teamId, subject.incidentId);
      if (!facts) throw new AppError("NOT_FOUND", "This incident was not found.");
      const signOff = policy.counted.map((a) => ({ name: a.reviewerName, version: subject.contentVersion, at: new Date().toISOString() }));
      const drawn = await loadDiagrams(tx, subject.id, row.content as JSONContent);
      const body = buildEditionBody(row.content as JSONContent, facts, signOff, drawn);
      const existing = await tx.publication.findUnique({ where: { postmortemId: subject.id }, select: { id: true, slug: true } });
      const settings = { customSlug: data.customSlug, noindex: data.noindex, listed: data.listed, revokedAt: null };
      const publication = existing
        ? await tx.publication.update({ where: { id: existing.id }, data: settings, select: { id: true, slug: true } })
        : await tx.publication.create({ data: { teamId: data.teamId, postmortemId: subject.id, slug: randomSlug(), ...settings }, select: { id: true, slug: true } });
      const last = await tx.publicEdition.findFirst({ where: { publicationId: publication.id }, orderBy: { number: "desc" }, select: { number: true } });
      const number = (last?.number ?? 0) + 1;
      await tx.publicEdition.create({
        data: {
          publicationId: publication.id,
          postmortemId: subject.id,
          teamId: data.teamId,
          number,
          title: data.title,
          subtitle: data.subtitle,
          note: data.note,
          body,
          contentVersion: subject.contentVersion,
          contentHash: row.contentHash,
          publishedById: userId,
        },
      });
      const wasPublished = subject.status === "PUBLISHED";
      if (wasPublished) subject.status = "APPROVED";
      await changeStatus(tx, subject, "PUBLISHED", userId, `Postmortem published${number > 1 ? ` (edition ${number})` : ""}: /p/${publication.slug}`);
      await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "postmortem.published", targetType: "postmortem", targetId: subject.id, data: { edition: number, slug: publication.slug, customSlug: data.customSlug } });
      return { slug: publication.slug, edition: number };
    });
    clearPublicPages();
    return result;
  } catch (error) {
    if (isUniqueViolation(error, "customSlug")) {
      throw new AppError("VALIDATION", "Please correct the highlighted fields.", { customSlug: ["Another postmortem of this team already uses this address."] });
    }
    throw error;
  }
}

/** Takes the public link down: it answers 410 Gone until the postmortem is published again. */
export async function revoke(userId: string, input: unknown) {
  const data = parseInput(revokeSchema, input);
  const result = await db().$transaction(async (tx) => {
    const actor = await loadActor(tx, userId, data.teamId);
    authorize(actor, "postmortem.publish", { teamId: data.teamId });
    const subject = await lockSubject(tx, data.teamId, data.postmortemId);
    const publication = await tx.publication.findFirst({ where: { postmortemId: subject.id, teamId: data.teamId, revokedAt: null }, select: { id: true } });
    if (!publication) throw new AppError("CONFLICT", "This postmortem is not published.");
    await tx.publication.update({ where: { id: publication.id }, data: { revokedAt: new Date() } });
    if (subject.status === "PUBLISHED") await changeStatus(tx, subject, "APPROVED", userId, "Public link taken down: it now answers “gone”.");
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "postmortem.unpublished", targetType: "postmortem", targetId: subject.id });
    return { revoked: true };
  });
  clearPublicPages();
  return result;
}

export async function updatePublishingSettings(userId: string, input: unknown) {
  const data = parseInput(publishingSettingsSchema, input);
  await db().$transaction(async (tx) => {
    const actor = await loadActor(tx, userId, data.teamId);
    authorize(actor, "publishing.settings", { teamId: data.teamId });
    await tx.team.update({ where: { id: data.teamId }, data: { publicIndex: data.publicIndex, internalHostPatterns: data.internalHostPatterns } });
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "publishing.settings_updated", targetType: "team", targetId: data.teamId, data: { publicIndex: data.publicIndex } });
  });
  clearPublicPages();
  return { saved: true };
}
