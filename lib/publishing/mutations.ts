import { db } from "@/lib/db";
import { announcePublication } from "@/lib/notifications/announcements";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/record";
import { parseInput } from "@/lib/validation";
import { loadActor } from "@/lib/teams/actor";
import { isUniqueViolation } from "@/lib/prisma-errors";
import { loadPostmortemFacts } from "@/lib/postmortems/facts";
import { evaluate, lockSubject } from "@/lib/reviews/load";
import { changeStatus } from "@/lib/reviews/status-change";
import { publishSchema, publishingSettingsSchema, revokeSchema, withdrawEditionSchema } from "@/lib/publishing/schema";
import { loadPeople, renamer, rolesFor, rolesFromInput } from "@/lib/publishing/person-roles";
import { buildEditionBody } from "@/lib/publishing/edition";
import { publicationPath, randomSlug } from "@/lib/publishing/slug";
import { clearPublicPages } from "@/lib/publishing/cache";
import { notifyPublicPagesChanged } from "@/lib/publishing/cache-notify";
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
      const team = await tx.team.findUniqueOrThrow({ where: { id: data.teamId }, select: { slug: true } });
      if (!policy.met) throw new AppError("CONFLICT", "The approvals no longer meet the sign-off policy, so it cannot be published.");
      const row = await tx.postmortem.findUniqueOrThrow({ where: { id: subject.id }, select: { content: true, contentHash: true, incident: { select: { commanderId: true } } } });
      const facts = await loadPostmortemFacts(actor, data.teamId, subject.incidentId);
      if (!facts) throw new AppError("NOT_FOUND", "This incident was not found.");
      const signOff = policy.counted.map((a) => ({ name: a.reviewerName, version: subject.contentVersion, at: new Date().toISOString() }));
      const drawn = await loadDiagrams(tx, subject.id, row.content as JSONContent);
      const existing = await tx.publication.findUnique({ where: { postmortemId: subject.id }, select: { id: true, slug: true, personRoles: true } });
      // Members' names become the roles the publisher saw and chose (else those of the last edition).
      const people = await loadPeople(tx, data.teamId);
      const personRoles = rolesFor(people, row.incident.commanderId, rolesFromInput(input), existing?.personRoles);
      const rename = renamer(people, personRoles);
      const body = buildEditionBody(row.content as JSONContent, facts, signOff, drawn, rename);
      const settings = { customSlug: data.customSlug, noindex: data.noindex, listed: data.listed, revokedAt: null, personRoles };
      const publication = existing
        ? await tx.publication.update({ where: { id: existing.id }, data: settings, select: { id: true, slug: true, customSlug: true } })
        : await tx.publication.create({ data: { teamId: data.teamId, postmortemId: subject.id, slug: randomSlug(), ...settings }, select: { id: true, slug: true, customSlug: true } });
      const last = await tx.publicEdition.findFirst({ where: { publicationId: publication.id }, orderBy: { number: "desc" }, select: { number: true } });
      const number = (last?.number ?? 0) + 1;
      await tx.publicEdition.create({
        data: {
          publicationId: publication.id,
          postmortemId: subject.id,
          teamId: data.teamId,
          number,
          title: rename(data.title),
          subtitle: rename(data.subtitle),
          note: rename(data.note),
          body,
          contentVersion: subject.contentVersion,
          contentHash: row.contentHash,
          publishedById: userId,
        },
      });
      const wasPublished = subject.status === "PUBLISHED";
      if (wasPublished) subject.status = "APPROVED";
      // The address that serves the page: the chosen one when there is one.
      const path = publicationPath(publication, team.slug);
      await changeStatus(tx, subject, "PUBLISHED", userId, `Postmortem published${number > 1 ? ` (edition ${number})` : ""}: ${path}`);
      await notifyPublicPagesChanged(tx);
      await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "postmortem.published", targetType: "postmortem", targetId: subject.id, data: { edition: number, slug: publication.slug, customSlug: data.customSlug } });
      await announcePublication(tx, { teamId: data.teamId, postmortemId: subject.id, edition: number, title: rename(data.title), path, actorId: userId });
      return { slug: publication.slug, path, edition: number };
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
    await notifyPublicPagesChanged(tx);
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "postmortem.unpublished", targetType: "postmortem", targetId: subject.id });
    return { revoked: true };
  });
  clearPublicPages();
  return result;
}

/**
 * Withdraws one earlier edition (a correction that must not stay readable): it answers 410 with
 * the note, and leaves the changelog, the feed and its images. The newest live edition stays;
 * to take the whole page down, unpublish.
 */
export async function withdrawEdition(userId: string, input: unknown) {
  const data = parseInput(withdrawEditionSchema, input);
  const result = await db().$transaction(async (tx) => {
    const actor = await loadActor(tx, userId, data.teamId);
    authorize(actor, "postmortem.publish", { teamId: data.teamId });
    const subject = await lockSubject(tx, data.teamId, data.postmortemId);
    const publication = await tx.publication.findFirst({ where: { postmortemId: subject.id, teamId: data.teamId }, select: { id: true } });
    if (!publication) throw new AppError("CONFLICT", "This postmortem is not published.");
    const live = await tx.publicEdition.findMany({ where: { publicationId: publication.id, withdrawnAt: null }, select: { id: true, number: true } });
    const edition = live.find((e) => e.number === data.edition);
    if (!edition) throw new AppError("NOT_FOUND", `Edition ${data.edition} is not published.`);
    if (live.length === 1) throw new AppError("CONFLICT", "This is the only edition still published. To take the page down, unpublish it.");
    await tx.publicEdition.update({ where: { id: edition.id }, data: { withdrawnAt: new Date(), withdrawnNote: data.note, previewImage: null } });
    // The page's own version changes, so every cached page of this publication is rechecked.
    await tx.publication.update({ where: { id: publication.id }, data: { updatedAt: new Date() } });
    await notifyPublicPagesChanged(tx);
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "postmortem.edition_withdrawn", targetType: "postmortem", targetId: subject.id, data: { edition: data.edition } });
    return { withdrawn: data.edition };
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
    await notifyPublicPagesChanged(tx);
    if (data.accent) await tx.publicBranding.upsert({ where: { teamId: data.teamId }, create: { teamId: data.teamId, accent: data.accent }, update: { accent: data.accent } });
    else await tx.publicBranding.deleteMany({ where: { teamId: data.teamId } });
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "publishing.settings_updated", targetType: "team", targetId: data.teamId, data: { publicIndex: data.publicIndex, accent: data.accent } });
  });
  clearPublicPages();
  return { saved: true };
}
