import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/record";
import { parseInput } from "@/lib/validation";
import { loadActor, memberNameOrFieldError } from "@/lib/teams/actor";
import { formatDateTime } from "@/lib/time/format";
import { notifyIncidentChanged } from "@/lib/realtime/notify";
import { announceIncident } from "@/lib/notifications/announcements";
import { applyFactsChange } from "@/lib/reviews/facts-changes";
import { recordSystemEvents, type SystemLine } from "@/lib/timeline/system-events";
import type { IncidentOrigin, IncidentStatus, Severity } from "@/lib/generated/prisma/enums";
import { recordIncidentEvent } from "@/lib/outbound/events";
import type { Change } from "@/lib/outbound/event-types";
import { declareIncidentSchema, updateIncidentSchema, KEY_MOMENTS, type KeyMoment } from "@/lib/incidents/schema";
import { STATUS_LABEL } from "@/lib/incidents/labels";
import { resolveServiceIds, resolveServiceIdsForRule } from "@/lib/incidents/services";
import { zonedFieldToUtc } from "@/lib/incidents/times";
import { checkMoments, checkStatusAgrees, type MomentWarning, type Moments } from "@/lib/incidents/moments";

const MOMENT_LABEL: Record<KeyMoment, string> = {
  startedAt: "Impact start",
  detectedAt: "Detection",
  acknowledgedAt: "Acknowledgement",
  mitigatedAt: "Mitigation",
  resolvedAt: "Resolution",
};

/** `origin` says where the declaration came from (the app, an alert, the API), for insights. */
export async function declareIncident(userId: string, input: unknown, options: { origin?: IncidentOrigin } = {}) {
  const data = parseInput(declareIncidentSchema, input);
  const now = new Date();
  return db().$transaction(async (tx) => {
    const actor = await loadActor(tx, userId, data.teamId);
    authorize(actor, "incident.create", { teamId: data.teamId });
    // The row lock taken by this UPDATE serialises numbering: two declarations never share a number.
    const team = await tx.team.update({
      where: { id: data.teamId },
      data: { incidentSeq: { increment: 1 } },
      select: { incidentSeq: true, timeZone: true },
    });
    const timeZone = data.timeZone ?? team.timeZone;
    const startedAt = data.startedAt ? zonedFieldToUtc("startedAt", data.startedAt, timeZone, now) : now;
    const detectedAt = declaredDetection(data.startedAt ? startedAt : null, data.detectedAt ? zonedFieldToUtc("detectedAt", data.detectedAt, timeZone, now) : null, now);
    const serviceIds = await resolveServiceIds(tx, actor, data.teamId, data.services ?? []);
    return insertIncident(tx, {
      teamId: data.teamId,
      number: team.incidentSeq,
      title: data.title,
      summary: data.summary ?? "",
      severity: data.severity,
      timeZone,
      startedAt,
      detectedAt,
      serviceIds,
      commanderId: userId,
      actorId: userId,
      origin: options.origin ?? "MANUAL",
      declaredLine: `Incident declared as ${data.severity}. Status: Investigating.`,
      now,
    });
  });
}

export type NewIncident = {
  teamId: string;
  /** Taken from the team's sequence under its row lock by the caller. */
  number: number;
  title: string;
  summary: string;
  severity: Severity;
  timeZone: string;
  startedAt: Date;
  detectedAt: Date | null;
  serviceIds: string[];
  commanderId: string | null;
  /** Null for the system (an alert declaring through a routing rule). */
  actorId: string | null;
  origin: IncidentOrigin;
  declaredLine: string;
  now: Date;
};

/** The one way an incident row is written: the timeline's first line and the audit entry come with it. */
export async function insertIncident(tx: Tx, input: NewIncident) {
  const incident = await tx.incident.create({
    data: {
      teamId: input.teamId,
      number: input.number,
      title: input.title,
      summary: input.summary,
      severity: input.severity,
      timeZone: input.timeZone,
      startedAt: input.startedAt,
      detectedAt: input.detectedAt,
      commanderId: input.commanderId,
      declaredById: input.actorId,
      lastEditedById: input.actorId,
      lastActivityAt: input.now,
      origin: input.origin,
      services: { create: input.serviceIds.map((serviceId) => ({ serviceId })) },
    },
    select: { id: true, number: true, teamId: true, team: { select: { slug: true } } },
  });
  await recordSystemEvents(tx, { teamId: input.teamId, incidentId: incident.id, actorId: input.actorId, at: input.now }, [{ kind: "UPDATE", body: input.declaredLine }]);
  await recordAudit(tx, {
    teamId: input.teamId,
    actorId: input.actorId,
    action: "incident.declared",
    targetType: "incident",
    targetId: incident.id,
    data: { number: incident.number, severity: input.severity, origin: input.origin },
  });
  await recordIncidentEvent(tx, input.teamId, incident.id, "incident.declared");
  await announceIncident(tx, { teamId: input.teamId, incidentId: incident.id, number: incident.number, title: input.title, severity: input.severity, timeZone: input.timeZone, event: "declared", at: input.startedAt, actorId: input.actorId });
  return incident;
}

/**
 * Declares in the caller's transaction, for callers that already decided who may (an alert routing
 * rule an admin wrote, with no actor; a member declaring from an alert): numbering, first timeline
 * line and audit as for any declaration. Services missing by name are created.
 */
export async function declareIncidentInTx(
  tx: Tx,
  input: { teamId: string; title: string; severity: Severity; startedAt: Date; detectedAt: Date; serviceNames: string[]; commanderId: string | null; actorId: string | null; origin: IncidentOrigin; declaredLine: string; now: Date },
) {
  const team = await tx.team.update({ where: { id: input.teamId }, data: { incidentSeq: { increment: 1 } }, select: { incidentSeq: true, timeZone: true } });
  const commander = input.commanderId ? await tx.membership.findUnique({ where: { teamId_userId: { teamId: input.teamId, userId: input.commanderId } }, select: { userId: true } }) : null;
  const incident = await insertIncident(tx, {
    teamId: input.teamId,
    number: team.incidentSeq,
    title: input.title,
    summary: "",
    severity: input.severity,
    timeZone: team.timeZone,
    startedAt: input.startedAt,
    detectedAt: input.detectedAt,
    serviceIds: await resolveServiceIdsForRule(tx, input.teamId, input.serviceNames),
    commanderId: commander?.userId ?? null,
    actorId: input.actorId,
    origin: input.origin,
    declaredLine: input.declaredLine,
    now: input.now,
  });
  await notifyIncidentChanged(tx, incident.id);
  return incident;
}

/**
 * Declaring is detecting only for an incident declared as it starts. A back-dated start leaves
 * detection to what was typed (or unknown): "now" would claim years to detect a past outage.
 */
function declaredDetection(startedAt: Date | null, detectedAt: Date | null, now: Date): Date | null {
  if (detectedAt) return detectedAt;
  if (!startedAt) return now;
  return startedAt > now ? startedAt : null;
}

type Current = {
  id: string;
  number: number;
  version: number;
  status: IncidentStatus;
  severity: Severity;
  timeZone: string;
  commanderId: string | null;
} & Moments;

function severityLine(from: Severity, to: Severity): SystemLine {
  const direction = to < from ? "raised" : "lowered";
  return { kind: to < from ? "ESCALATION" : "UPDATE", body: `Severity ${direction} from ${from} to ${to}.` };
}

async function conflict(tx: Tx, incidentId: string): Promise<AppError> {
  const latest = await tx.incident.findUnique({
    where: { id: incidentId },
    select: { updatedAt: true, timeZone: true, lastEditor: { select: { name: true } } },
  });
  const who = latest?.lastEditor?.name ?? "someone else";
  const when = latest ? ` at ${formatDateTime(latest.updatedAt, latest.timeZone)}` : "";
  return new AppError("CONFLICT", `This incident was changed by ${who}${when} while you were editing. Review the latest values and save again.`);
}

/**
 * Applies a partial edit if nobody saved since the editor loaded `version`; otherwise refuses with
 * who changed it. Status, severity, commander and key-moment changes are written to the timeline.
 */
export type IncidentUpdateResult = { id: string; number: number; version: number; warnings: MomentWarning[] };

export async function updateIncident(userId: string, input: unknown): Promise<IncidentUpdateResult> {
  const data = parseInput(updateIncidentSchema, input);
  const now = new Date();
  return db().$transaction(async (tx) => {
    const actor = await loadActor(tx, userId, data.teamId);
    authorize(actor, "incident.update", { teamId: data.teamId });
    const current: Current | null = await tx.incident.findFirst({
      where: { id: data.incidentId, teamId: data.teamId },
      select: { id: true, number: true, version: true, status: true, severity: true, timeZone: true, commanderId: true, startedAt: true, detectedAt: true, acknowledgedAt: true, mitigatedAt: true, resolvedAt: true },
    });
    if (!current) throw new AppError("NOT_FOUND", "This incident was not found.");
    if (current.version !== data.version) throw await conflict(tx, current.id);

    const timeZone = data.timeZone ?? current.timeZone;
    const moments: Moments = {
      startedAt: current.startedAt,
      detectedAt: current.detectedAt,
      acknowledgedAt: current.acknowledgedAt,
      mitigatedAt: current.mitigatedAt,
      resolvedAt: current.resolvedAt,
    };
    const lines: SystemLine[] = [];
    for (const key of KEY_MOMENTS) {
      const raw = data[key];
      if (raw === undefined) continue;
      // Read in the zone the times were shown in: a zone change in the same save moves no instant.
      const next = raw === null ? null : zonedFieldToUtc(key, raw, current.timeZone, now, current[key]);
      if ((next?.getTime() ?? null) === (moments[key]?.getTime() ?? null)) continue;
      if (key === "startedAt") {
        if (next) moments.startedAt = next;
      } else {
        moments[key] = next;
      }
      lines.push({ kind: "UPDATE", body: next ? `${MOMENT_LABEL[key]} time set to ${formatDateTime(next, timeZone)}.` : `${MOMENT_LABEL[key]} time cleared.` });
    }

    const status = data.status ?? current.status;
    if (status !== current.status) {
      // Resolving records when it was resolved and nothing more: no mitigation time is invented.
      if (status === "RESOLVED") moments.resolvedAt ??= now;
      else if (current.status === "RESOLVED" && moments.resolvedAt?.getTime() === current.resolvedAt?.getTime()) moments.resolvedAt = null; // reopened
      if (status === "MONITORING") moments.mitigatedAt ??= now;
      lines.push({
        kind: status === "RESOLVED" ? "RESOLUTION" : status === "MONITORING" ? "MITIGATION" : "UPDATE",
        body: `Status changed from ${STATUS_LABEL[current.status]} to ${STATUS_LABEL[status]}.`,
      });
    }
    if (data.severity && data.severity !== current.severity) lines.push(severityLine(current.severity, data.severity));

    if (data.commanderId !== undefined && data.commanderId !== current.commanderId) {
      if (data.commanderId) {
        const commander = await memberNameOrFieldError(tx, data.teamId, data.commanderId, "commanderId");
        lines.push({ kind: "ESCALATION", body: `${commander} is now the incident commander.` });
      } else {
        lines.push({ kind: "UPDATE", body: "Incident commander unassigned." });
      }
    }

    const warnings = checkMoments(moments);
    checkStatusAgrees(status, moments.resolvedAt);
    const serviceIds = data.services ? await resolveServiceIds(tx, actor, data.teamId, data.services) : undefined;

    // The version in the where clause makes a concurrent save lose the race instead of overwriting.
    const updated = await tx.incident.updateMany({
      where: { id: current.id, teamId: data.teamId, version: current.version },
      data: {
        title: data.title,
        summary: data.summary,
        severity: data.severity,
        status,
        commanderId: data.commanderId,
        impact: data.impact,
        usersAffectedPct: data.usersAffectedPct,
        rootCause: data.rootCause,
        resolution: data.resolution,
        timeZone,
        ...moments,
        lastEditedById: userId,
        lastActivityAt: now,
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw await conflict(tx, current.id);
    if (serviceIds) {
      await tx.incidentService.deleteMany({ where: { incidentId: current.id, serviceId: { notIn: serviceIds } } });
      await tx.incidentService.createMany({ data: serviceIds.map((serviceId) => ({ incidentId: current.id, serviceId })), skipDuplicates: true });
    }
    await recordSystemEvents(tx, { teamId: data.teamId, incidentId: current.id, actorId: userId, at: now }, lines);
    const changed = Object.keys(data).filter((k) => !["teamId", "incidentId", "version"].includes(k));
    await recordAudit(tx, {
      teamId: data.teamId,
      actorId: userId,
      action: "incident.updated",
      targetType: "incident",
      targetId: current.id,
      data: { number: current.number, fields: changed },
    });
    const changes: Partial<Record<"status" | "severity" | "commander", Change>> = {};
    if (status !== current.status) changes.status = { from: current.status, to: status };
    if (data.severity && data.severity !== current.severity) changes.severity = { from: current.severity, to: data.severity };
    if (data.commanderId !== undefined && data.commanderId !== current.commanderId) changes.commander = { from: current.commanderId ?? "", to: data.commanderId ?? "" };
    await recordIncidentEvent(tx, data.teamId, current.id, changes.status?.to === "RESOLVED" ? "incident.resolved" : "incident.updated", { changes });
    await notifyIncidentChanged(tx, current.id);
    if (status === "RESOLVED" && current.status !== "RESOLVED" && moments.resolvedAt) {
      const title = data.title ?? (await tx.incident.findUniqueOrThrow({ where: { id: current.id }, select: { title: true } })).title;
      await announceIncident(tx, { teamId: data.teamId, incidentId: current.id, number: current.number, title, severity: data.severity ?? current.severity, timeZone, event: "resolved", at: moments.resolvedAt, actorId: userId });
    }
    await applyFactsChange(tx, { teamId: data.teamId, incidentId: current.id, actorId: userId, now });
    return { id: current.id, number: current.number, version: current.version + 1, warnings };
  });
}
