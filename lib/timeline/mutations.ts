import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/record";
import { recordIncidentEvent } from "@/lib/outbound/events";
import { parseInput } from "@/lib/validation";
import { lostSaveConflict } from "@/lib/audit/last-change";
import { loadActor } from "@/lib/teams/actor";
import { FUTURE_TOLERANCE_MS, zonedFieldToUtc } from "@/lib/incidents/times";
import { dayKey } from "@/lib/time/zoned";
import { parsePastedTimeline } from "@/lib/timeline/paste";
import { notifyIncidentChanged } from "@/lib/realtime/notify";
import { applyFactsChange } from "@/lib/reviews/facts-changes";
import { addEventSchema, editEventSchema, eventBodySchema, eventRefSchema, starEventSchema, internalEventSchema, pasteEventsSchema } from "@/lib/timeline/schema";

export async function addEvent(userId: string, input: unknown) {
  const data = parseInput(addEventSchema, input);
  const now = new Date();
  return db().$transaction(async (tx) => {
    authorize(await loadActor(tx, userId, data.teamId), "timeline.create", { teamId: data.teamId });
    const incident = await tx.incident.findFirst({ where: { id: data.incidentId, teamId: data.teamId }, select: { id: true, timeZone: true } });
    if (!incident) throw new AppError("NOT_FOUND", "This incident was not found.");
    const occurredAt = data.occurredAt ? zonedFieldToUtc("occurredAt", data.occurredAt, incident.timeZone, now) : now;
    const event = await tx.timelineEvent.create({
      data: { teamId: data.teamId, incidentId: incident.id, kind: data.kind, body: data.body, occurredAt, starred: data.starred, authorId: userId },
      select: { id: true, occurredAt: true },
    });
    await touchIncident(tx, incident.id, now);
    await recordIncidentEvent(tx, data.teamId, incident.id, "timeline_event.created", { timelineEvent: { id: event.id, kind: data.kind, body: data.body, occurredAt: event.occurredAt.toISOString() } });
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "timeline.added", targetType: "timeline_event", targetId: event.id, data: { incidentId: incident.id, kind: data.kind } });
    await applyFactsChange(tx, { teamId: data.teamId, incidentId: incident.id, actorId: userId, now });
    return event;
  });
}

/**
 * Back-filling: every timed line of a pasted block becomes an event, all in one transaction, or
 * none when any line cannot be read (the preview showed the same parse, from the same function).
 */
export async function pasteEvents(userId: string, input: unknown) {
  const data = parseInput(pasteEventsSchema, input);
  const now = new Date();
  return db().$transaction(async (tx) => {
    authorize(await loadActor(tx, userId, data.teamId), "timeline.create", { teamId: data.teamId });
    const incident = await tx.incident.findFirst({ where: { id: data.incidentId, teamId: data.teamId }, select: { id: true, timeZone: true } });
    if (!incident) throw new AppError("NOT_FOUND", "This incident was not found.");
    const { events, problems } = parsePastedTimeline(data.block, data.day ?? dayKey(now, incident.timeZone), incident.timeZone);
    const future = events.filter((e) => e.at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS).map((e) => `Line ${e.line} is in the future: check its date.`);
    // Each body goes through the same text rules as a typed event (control characters, blank, length).
    const bodies = events.map((e) => eventBodySchema.safeParse(e.body));
    const unreadable = bodies.flatMap((read, i) => (read.success ? [] : read.error.issues.map((issue) => `Line ${events[i]?.line}: ${issue.message}`)));
    const messages = [...problems.map((p) => p.message), ...future, ...unreadable];
    if (messages.length > 0) throw new AppError("VALIDATION", "Some lines could not be read; nothing was added.", { block: messages });
    if (events.length === 0) throw new AppError("VALIDATION", "Please correct the highlighted fields.", { block: ["No line starts with a time (HH:MM)."] });
    await tx.timelineEvent.createMany({
      data: events.map((e, i) => ({ teamId: data.teamId, incidentId: incident.id, kind: data.kind, body: bodies[i]?.data ?? e.body, occurredAt: e.at, authorId: userId })),
    });
    await touchIncident(tx, incident.id, now);
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "timeline.pasted", targetType: "incident", targetId: incident.id, data: { count: events.length, kind: data.kind } });
    await applyFactsChange(tx, { teamId: data.teamId, incidentId: incident.id, actorId: userId, now });
    return { count: events.length };
  });
}

async function touchIncident(tx: Tx, incidentId: string, now: Date): Promise<void> {
  await tx.incident.update({ where: { id: incidentId }, data: { lastActivityAt: now } });
  await notifyIncidentChanged(tx, incidentId);
}

async function loadEditable(tx: Tx, userId: string, teamId: string, eventId: string) {
  const actor = await loadActor(tx, userId, teamId);
  const event = await tx.timelineEvent.findFirst({
    where: { id: eventId, teamId, deletedAt: null },
    select: { id: true, incidentId: true, authorId: true, source: true, kind: true, body: true, occurredAt: true, version: true, incident: { select: { timeZone: true } } },
  });
  authorize(actor, "incident.read", { teamId });
  if (!event) throw new AppError("NOT_FOUND", "This event was not found. It may have been deleted.");
  authorize(actor, "timeline.edit", { teamId, authorId: event.source === "SYSTEM" ? null : event.authorId });
  return event;
}

type EditableEvent = Awaited<ReturnType<typeof loadEditable>>;

/** What an edit or a deletion leaves behind: the previous version, fresh activity, an audit line. */
async function keepHistory(tx: Tx, userId: string, teamId: string, event: EditableEvent, change: "edited" | "deleted", now: Date): Promise<void> {
  await tx.timelineEventRevision.create({
    data: { eventId: event.id, editorId: userId, change, kind: event.kind, body: event.body, occurredAt: event.occurredAt },
  });
  await touchIncident(tx, event.incidentId, now);
  await recordAudit(tx, { teamId, actorId: userId, action: `timeline.${change}`, targetType: "timeline_event", targetId: event.id, data: { incidentId: event.incidentId } });
}

/** Edits keep history: the previous text, kind and time are kept as a revision. */
export async function editEvent(userId: string, input: unknown) {
  const data = parseInput(editEventSchema, input);
  const now = new Date();
  return db().$transaction(async (tx) => {
    const event = await loadEditable(tx, userId, data.teamId, data.eventId);
    const occurredAt = zonedFieldToUtc("occurredAt", data.occurredAt, event.incident.timeZone, now, event.occurredAt);
    if (occurredAt === event.occurredAt && data.kind === event.kind && data.body === event.body) return { id: event.id };
    const updated = await tx.timelineEvent.updateMany({
      where: { id: event.id, teamId: data.teamId, version: data.version, deletedAt: null },
      data: { kind: data.kind, body: data.body, occurredAt, version: { increment: 1 } },
    });
    if (updated.count === 0) throw await lostSaveConflict(tx, "event", { teamId: data.teamId, targetType: "timeline_event", targetId: event.id, timeZone: event.incident.timeZone });
    await keepHistory(tx, userId, data.teamId, event, "edited", now);
    await applyFactsChange(tx, { teamId: data.teamId, incidentId: event.incidentId, actorId: userId, now });
    return { id: event.id };
  });
}

/** A soft delete: the event leaves the timeline, its text stays in the revision history. */
export async function deleteEvent(userId: string, input: unknown) {
  const data = parseInput(eventRefSchema, input);
  const now = new Date();
  return db().$transaction(async (tx) => {
    const event = await loadEditable(tx, userId, data.teamId, data.eventId);
    await tx.timelineEvent.update({ where: { id: event.id, teamId: data.teamId }, data: { deletedAt: now, version: { increment: 1 } } });
    await keepHistory(tx, userId, data.teamId, event, "deleted", now);
    await applyFactsChange(tx, { teamId: data.teamId, incidentId: event.incidentId, actorId: userId, now });
    return { id: event.id };
  });
}

/** Starred events are the ones the postmortem shows first. System events can be starred too. */
export async function starEvent(userId: string, input: unknown) {
  const data = parseInput(starEventSchema, input);
  return db().$transaction(async (tx) => {
    authorize(await loadActor(tx, userId, data.teamId), "timeline.star", { teamId: data.teamId });
    const event = await tx.timelineEvent.findFirst({ where: { id: data.eventId, teamId: data.teamId, deletedAt: null }, select: { id: true, incidentId: true } });
    if (!event) throw new AppError("NOT_FOUND", "This event was not found.");
    await tx.timelineEvent.update({ where: { id: event.id, teamId: data.teamId }, data: { starred: data.starred } });
    await notifyIncidentChanged(tx, event.incidentId);
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: data.starred ? "timeline.starred" : "timeline.unstarred", targetType: "timeline_event", targetId: event.id });
    await applyFactsChange(tx, { teamId: data.teamId, incidentId: event.incidentId, actorId: userId });
    return { id: event.id, starred: data.starred };
  });
}

/** Internal events stay on the incident and in internal exports, but never reach a public edition. */
export async function setEventInternal(userId: string, input: unknown) {
  const data = parseInput(internalEventSchema, input);
  return db().$transaction(async (tx) => {
    authorize(await loadActor(tx, userId, data.teamId), "timeline.star", { teamId: data.teamId });
    const event = await tx.timelineEvent.findFirst({ where: { id: data.eventId, teamId: data.teamId, deletedAt: null }, select: { id: true, incidentId: true } });
    if (!event) throw new AppError("NOT_FOUND", "This event was not found.");
    await tx.timelineEvent.update({ where: { id: event.id, teamId: data.teamId }, data: { internal: data.internal } });
    await notifyIncidentChanged(tx, event.incidentId);
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: data.internal ? "timeline.marked_internal" : "timeline.marked_public", targetType: "timeline_event", targetId: event.id });
    return { id: event.id, internal: data.internal };
  });
}
