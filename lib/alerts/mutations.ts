import { db, type Tx } from "@/lib/db";
import { authorize } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { parseInput } from "@/lib/validation";
import { loadActor } from "@/lib/teams/actor";
import { recordSystemEvents } from "@/lib/timeline/system-events";
import { notifyIncidentChanged } from "@/lib/realtime/notify";
import { declareIncidentInTx } from "@/lib/incidents/mutations";
import { formatIncidentNumber } from "@/lib/incidents/labels";
import { DEFAULT_RULES, incidentSeverity } from "@/lib/alerts/rules";
import { hashSecret, newSecret, ROTATION_OVERLAP_MS, sealSecret } from "@/lib/alerts/secrets";
import { mappingSyntaxError } from "@/lib/alerts/formats/generic";
import { notifyAlertsChanged } from "@/lib/alerts/notify";
import { recordAlertEvent } from "@/lib/alerts/events";
import { attachAlertSchema, createSourceSchema, declareFromAlertSchema, sourceRefSchema, updateSourceSchema } from "@/lib/alerts/schema";

/** The secret is returned once, here; only its hash and a sealed copy are kept. */
export async function createAlertSource(userId: string, input: unknown) {
  const data = parseInput(createSourceSchema, input);
  const secret = newSecret();
  return db().$transaction(async (tx) => {
    authorize(await loadActor(tx, userId, data.teamId), "alertSource.manage", { teamId: data.teamId });
    const source = await tx.alertSource.create({
      data: { teamId: data.teamId, name: data.name, format: data.format, authMode: data.authMode, secretHash: hashSecret(secret), secretSealed: sealSecret(secret), rules: DEFAULT_RULES },
      select: { id: true, name: true, teamId: true, authMode: true, team: { select: { slug: true } } },
    });
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "alertSource.created", targetType: "alertSource", targetId: source.id, data: { name: data.name, format: data.format } });
    return { ...source, secret };
  });
}

export async function updateAlertSource(userId: string, input: unknown) {
  const data = parseInput(updateSourceSchema, input);
  const syntax = data.mapping.trim() ? mappingSyntaxError(data.mapping) : null;
  if (syntax) throw new AppError("VALIDATION", "Please correct the highlighted fields.", { mapping: [syntax] });
  if (data.format === "GENERIC" && !data.mapping.trim()) throw new AppError("VALIDATION", "Please correct the highlighted fields.", { mapping: ["A generic source needs a mapping."] });
  return db().$transaction(async (tx) => {
    authorize(await loadActor(tx, userId, data.teamId), "alertSource.manage", { teamId: data.teamId });
    const commanders = [...new Set(data.rules.flatMap((r) => (r.action === "declare" && r.commanderId ? [r.commanderId] : [])))];
    if (commanders.length) {
      const members = await tx.membership.count({ where: { teamId: data.teamId, userId: { in: commanders } } });
      if (members !== commanders.length) throw new AppError("VALIDATION", "Please correct the highlighted fields.", { rules: ["A rule names a commander who is not a member of this team."] });
    }
    const updated = await tx.alertSource.updateMany({
      where: { id: data.sourceId, teamId: data.teamId, version: data.version },
      data: { name: data.name, format: data.format, authMode: data.authMode, mapping: data.mapping, rules: data.rules, enabled: data.enabled, version: { increment: 1 } },
    });
    if (updated.count === 0) {
      const exists = await tx.alertSource.findFirst({ where: { id: data.sourceId, teamId: data.teamId }, select: { id: true } });
      if (!exists) throw new AppError("NOT_FOUND", "This alert source was not found.");
      throw new AppError("CONFLICT", "Someone else saved this source while you were editing. Reload to see their changes, then save again.");
    }
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "alertSource.updated", targetType: "alertSource", targetId: data.sourceId, data: { name: data.name, format: data.format, enabled: data.enabled, rules: data.rules.length } });
    const team = await tx.team.findUniqueOrThrow({ where: { id: data.teamId }, select: { slug: true } });
    return { id: data.sourceId, slug: team.slug };
  });
}

/** The old secret keeps working for ROTATION_OVERLAP_MS so senders can be switched without losing alerts. */
export async function rotateAlertSecret(userId: string, input: unknown, now = new Date()) {
  const data = parseInput(sourceRefSchema, input);
  const secret = newSecret();
  return db().$transaction(async (tx) => {
    authorize(await loadActor(tx, userId, data.teamId), "alertSource.manage", { teamId: data.teamId });
    const source = await tx.alertSource.findFirst({ where: { id: data.sourceId, teamId: data.teamId }, select: { id: true, secretHash: true, secretSealed: true } });
    if (!source) throw new AppError("NOT_FOUND", "This alert source was not found.");
    const previousExpiresAt = new Date(now.getTime() + ROTATION_OVERLAP_MS);
    await tx.alertSource.update({
      where: { id: source.id },
      data: { secretHash: hashSecret(secret), secretSealed: sealSecret(secret), previousSecretHash: source.secretHash, previousSecretSealed: source.secretSealed, previousExpiresAt, version: { increment: 1 } },
    });
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "alertSource.secretRotated", targetType: "alertSource", targetId: source.id, data: { previousExpiresAt: previousExpiresAt.toISOString() } });
    return { id: source.id, secret, previousExpiresAt };
  });
}

async function loadOpenAlert(tx: Tx, teamId: string, alertId: string) {
  const alert = await tx.alert.findFirst({
    where: { id: alertId, teamId },
    select: { id: true, title: true, severity: true, startsAt: true, firstSeenAt: true, incidentId: true, source: { select: { name: true } } },
  });
  if (!alert) throw new AppError("NOT_FOUND", "This alert was not found.");
  if (alert.incidentId) throw new AppError("CONFLICT", "This alert is already on an incident.");
  // Lock the alert so two people triaging it at once do not both act on it.
  await tx.$executeRaw`SELECT 1 FROM "Alert" WHERE "id" = ${alert.id} FOR UPDATE`;
  const fresh = await tx.alert.findUniqueOrThrow({ where: { id: alert.id }, select: { incidentId: true } });
  if (fresh.incidentId) throw new AppError("CONFLICT", "Someone else just put this alert on an incident.");
  return alert;
}

/** "Declare from this alert": the alert's start is the incident's start, its first receipt the detection. */
export async function declareFromAlert(userId: string, input: unknown) {
  const data = parseInput(declareFromAlertSchema, input);
  const now = new Date();
  return db().$transaction(async (tx) => {
    authorize(await loadActor(tx, userId, data.teamId), "incident.create", { teamId: data.teamId });
    const alert = await loadOpenAlert(tx, data.teamId, data.alertId);
    const severity = data.severity ?? incidentSeverity(alert.severity);
    const incident = await declareIncidentInTx(tx, {
      teamId: data.teamId,
      title: data.title ?? alert.title,
      severity,
      startedAt: alert.startsAt,
      detectedAt: alert.firstSeenAt,
      serviceNames: [],
      commanderId: userId,
      actorId: userId,
      origin: "ALERT",
      declaredLine: `Incident declared as ${severity} from the alert “${alert.title}” (${alert.source.name}). Status: Investigating.`,
      now,
    });
    await tx.alert.update({ where: { id: alert.id }, data: { incidentId: incident.id } });
    await recordAlertEvent(tx, data.teamId, alert.id, "alert.attached");
    await notifyAlertsChanged(tx, data.teamId);
    return incident;
  });
}

/** "Attach to INC-n": the alert joins an existing incident, with a line on its timeline. */
export async function attachAlert(userId: string, input: unknown) {
  const data = parseInput(attachAlertSchema, input);
  const now = new Date();
  return db().$transaction(async (tx) => {
    authorize(await loadActor(tx, userId, data.teamId), "incident.update", { teamId: data.teamId });
    const alert = await loadOpenAlert(tx, data.teamId, data.alertId);
    const incident = await tx.incident.findFirst({ where: { teamId: data.teamId, number: data.number }, select: { id: true, number: true, team: { select: { slug: true } } } });
    if (!incident) throw new AppError("VALIDATION", "Please correct the highlighted fields.", { number: [`${formatIncidentNumber(data.number)} does not exist in this team.`] });
    await tx.alert.update({ where: { id: alert.id }, data: { incidentId: incident.id } });
    await recordAlertEvent(tx, data.teamId, alert.id, "alert.attached");
    await recordSystemEvents(tx, { teamId: data.teamId, incidentId: incident.id, actorId: userId, at: now }, [{ kind: "UPDATE", body: `Alert attached from ${alert.source.name}: ${alert.title}.` }]);
    await tx.incident.update({ where: { id: incident.id }, data: { lastActivityAt: now } });
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "alert.attached", targetType: "incident", targetId: incident.id, data: { alertId: alert.id } });
    await notifyIncidentChanged(tx, incident.id);
    await notifyAlertsChanged(tx, data.teamId);
    return incident;
  });
}
