import { readFileSync } from "node:fs";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import type { TokenAccess } from "@/lib/authz";
import { declareIncident } from "@/lib/incidents/mutations";
import { createTask } from "@/lib/tasks/mutations";
import { startPostmortem } from "@/lib/postmortems/mutations";
import { createPersonalToken, createServiceToken } from "@/lib/api/tokens/mutations";
import { createAlertSource, updateAlertSource } from "@/lib/alerts/mutations";
import { receiveDelivery } from "@/lib/alerts/intake";
import { fromWebRequest } from "@/lib/alerts/intake-http";
import { processDelivery } from "@/lib/alerts/process";
import { createTeamWith } from "@/lib/testing/factories";
import type { ApiCall } from "@/lib/api/testing/call";

/** An alert source that triages (declares nothing) and the alerts of one real Alertmanager delivery, through the intake. */
async function alertsOf(ownerId: string, teamId: string) {
  const source = await createAlertSource(ownerId, { teamId, name: "Prometheus", format: "ALERTMANAGER", authMode: "BEARER" });
  await updateAlertSource(ownerId, { teamId, sourceId: source.id, version: 1, name: "Prometheus", format: "ALERTMANAGER", authMode: "BEARER", mapping: "", rules: JSON.stringify([{ action: "triage" }]), enabled: "on" });
  const body = readFileSync(new URL("../../alerts/fixtures/alertmanager-firing.json", import.meta.url), "utf8");
  const work: Promise<void>[] = [];
  const request = new Request(`http://localhost/api/alerts/${source.id}`, { method: "POST", body, headers: { authorization: `Bearer ${source.secret}`, "content-type": "application/json" } });
  const response = await receiveDelivery(fromWebRequest(request), source.id, (run) => void work.push(run()), processDelivery);
  if (response.status !== 202) throw new Error(`Alert intake answered ${response.status}`);
  await Promise.all(work);
  const alert = await db().alert.findFirstOrThrow({ where: { sourceId: source.id }, orderBy: { id: "asc" }, select: { id: true } });
  return { alertSourceId: source.id, alertId: alert.id };
}

/** A team with one member per role, an incident that has a task and a postmortem, and an alert source with alerts. */
export async function apiTeam(roles: Role[] = ["ADMIN", "MEMBER", "VIEWER"]) {
  const ctx = await createTeamWith(roles);
  const incident = await declareIncident(ctx.owner.userId, { teamId: ctx.team.id, title: "Checkout errors", services: ["checkout"] });
  const task = await createTask(ctx.owner.userId, { teamId: ctx.team.id, incidentId: incident.id, title: "Alert on error rate", type: "DETECTIVE" });
  await startPostmortem(ctx.owner.userId, { teamId: ctx.team.id, incidentId: incident.id, templateId: "builtin:standard", title: "Checkout errors" });
  const userOf = (role: Role) => (role === "OWNER" ? ctx.owner.userId : ctx.members[role]?.userId ?? "");
  const alerts = await alertsOf(ctx.owner.userId, ctx.team.id);
  return { ...ctx, incident, taskId: task.id, userOf, ...alerts };
}

export type ApiTeamFixture = Awaited<ReturnType<typeof apiTeam>>;

export async function personalToken(userId: string, scopes: Record<string, TokenAccess>): Promise<string> {
  const created = await createPersonalToken(userId, { name: "Test script", expiresIn: "30", scopes: Object.entries(scopes).map(([teamId, access]) => `${teamId}:${access}`) });
  return created.secret;
}

export async function serviceToken(adminId: string, teamId: string, access: TokenAccess): Promise<string> {
  return (await createServiceToken(adminId, { teamId, name: "CI", expiresIn: "30", access })).secret;
}

async function version(kind: "incident" | "task", id: string): Promise<string> {
  const row = kind === "incident" ? await db().incident.findUniqueOrThrow({ where: { id }, select: { version: true } }) : await db().task.findUniqueOrThrow({ where: { id }, select: { version: true } });
  return `"${row.version}"`;
}

/**
 * A valid request for each operation against a fixture team: the contract and permission tests
 * call every operation through these, and fail when an operation has none.
 */
export const VALID_REQUESTS: Record<string, (f: ApiTeamFixture) => Promise<Omit<ApiCall, "token">>> = {
  listIncidents: async (f) => ({ params: { team: f.team.slug }, query: "status=INVESTIGATING&sort=updated" }),
  createIncident: async (f) => ({ params: { team: f.team.slug }, body: { title: "Queue backlog", severity: "SEV2", services: ["queue"], startedAt: "2026-11-30T09:12:00Z" } }),
  getIncident: async (f) => ({ params: { team: f.team.slug, number: String(f.incident.number) } }),
  updateIncident: async (f) => ({
    params: { team: f.team.slug, number: String(f.incident.number) },
    headers: { "if-match": await version("incident", f.incident.id) },
    body: { severity: "SEV2", summary: "Payments failed for EU users." },
  }),
  listTimelineEvents: async (f) => ({ params: { team: f.team.slug, number: String(f.incident.number) } }),
  createTimelineEvent: async (f) => ({ params: { team: f.team.slug, number: String(f.incident.number) }, body: { kind: "ACTION", body: "Rolled back deploy 1432." } }),
  listTasks: async (f) => ({ params: { team: f.team.slug } }),
  createTask: async (f) => ({ params: { team: f.team.slug, number: String(f.incident.number) }, body: { title: "Add a canary", type: "PREVENTIVE", priority: "P1", dueDate: "2030-01-15" } }),
  updateTask: async (f) => ({ params: { team: f.team.slug, taskId: f.taskId }, headers: { "if-match": await version("task", f.taskId) }, body: { priority: "P0", status: "IN_PROGRESS" } }),
  listServices: async (f) => ({ params: { team: f.team.slug } }),
  getPostmortem: async (f) => ({ params: { team: f.team.slug, number: String(f.incident.number) } }),
  getPostmortemMarkdown: async (f) => ({ params: { team: f.team.slug, number: String(f.incident.number) } }),
  listAlerts: async (f) => ({ params: { team: f.team.slug }, query: `status=FIRING&source=${f.alertSourceId}` }),
  getAlert: async (f) => ({ params: { team: f.team.slug, alertId: f.alertId } }),
  listAlertSources: async (f) => ({ params: { team: f.team.slug } }),
  getAlertSource: async (f) => ({ params: { team: f.team.slug, sourceId: f.alertSourceId } }),
};
