import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { IncidentOrigin, IncidentStatus, PostmortemStatus, Severity, TaskStatus, TaskType } from "@/lib/generated/prisma/enums";
import { createTeamWith, createUser, uniqueSlug } from "@/lib/testing/factories";

/**
 * A fixed incident history for the Insights correctness test: generated from a seeded PRNG
 * (so it is the same on every run) plus hand-made cases — DST weeks in Berlin, incidents across
 * midnight and a month end, missing moments, reopened incidents, tasks done late by the team's
 * calendar. The test computes what Insights should say from these objects, not from SQL.
 */
export type FixtureIncident = {
  team: "A" | "B";
  number: number;
  title: string;
  severity: Severity;
  status: IncidentStatus;
  origin: IncidentOrigin;
  startedAt: Date;
  detectedAt: Date | null;
  acknowledgedAt: Date | null;
  mitigatedAt: Date | null;
  resolvedAt: Date | null;
  services: string[];
  postmortem: { status: PostmortemStatus; approvals: Date[]; editions: Date[] } | null;
};

export type FixtureTask = {
  team: "A" | "B";
  incidentNumber: number;
  title: string;
  type: TaskType;
  status: TaskStatus;
  dueDate: string | null;
  completedAt: Date | null;
  verifiedAt: Date | null;
  criteria: string;
  owner: "owner" | "member" | null;
};

export const FIXTURE_ZONE = "Europe/Berlin";
export const FIXTURE_NOW = new Date("2026-04-15T10:00:00Z");
export const SERVICES = ["api", "db", "queue", "search"] as const;

function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const at = (iso: string) => new Date(iso);
const plus = (d: Date | null, minutes: number) => (d ? new Date(d.getTime() + Math.round(minutes) * 60_000) : null);

export function buildFixture() {
  const rand = prng(17);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const incidents: FixtureIncident[] = [];
  const numbers = { A: 0, B: 0 };
  const add = (team: "A" | "B", fields: Omit<FixtureIncident, "team" | "number" | "title">) => {
    numbers[team] += 1;
    incidents.push({ team, number: numbers[team], title: `Incident ${team}${numbers[team]}`, ...fields });
  };
  // Jan 1 to Apr 16: some before the period (repeat look-back), some after its end.
  const start = at("2026-01-01T00:00:00Z").getTime();
  for (let k = 0; k < 90; k++) {
    const team = k % 6 === 5 ? "B" : "A";
    const startedAt = new Date(start + Math.floor(rand() * 105 * 24 * 60) * 60_000);
    const open = rand() < 0.15;
    const detectedAt = rand() < 0.15 ? null : plus(startedAt, rand() * 120);
    const acknowledgedAt = rand() < 0.2 ? null : plus(detectedAt ?? startedAt, rand() * 60);
    const mitigatedAt = rand() < 0.2 ? null : plus(acknowledgedAt ?? startedAt, rand() * 600);
    const resolvedAt = open ? null : plus(mitigatedAt ?? startedAt, rand() * 4000);
    const pmRoll = rand();
    const postmortem =
      resolvedAt && pmRoll < 0.6
        ? (() => {
            const status = pick(["DRAFT", "IN_REVIEW", "APPROVED", "PUBLISHED"] as const);
            const approved = status === "APPROVED" || status === "PUBLISHED" ? [plus(resolvedAt, 60 + rand() * 8000)!] : [];
            if (approved.length && rand() < 0.4) approved.push(plus(approved[0]!, 2000)!);
            const editions = status === "PUBLISHED" ? [plus(approved[0]!, 30 + rand() * 3000)!] : [];
            if (editions.length && rand() < 0.5) editions.push(plus(editions[0]!, 5000)!);
            return { status, approvals: approved, editions };
          })()
        : null;
    add(team, {
      severity: pick(["SEV1", "SEV2", "SEV3", "SEV4"] as const),
      status: open ? pick(["INVESTIGATING", "IDENTIFIED", "MONITORING"] as const) : "RESOLVED",
      origin: pick(["MANUAL", "MANUAL", "ALERT", "API"] as const),
      startedAt,
      detectedAt,
      acknowledgedAt,
      mitigatedAt,
      resolvedAt,
      services: rand() < 0.1 ? [] : rand() < 0.2 ? [pick(SERVICES), pick(SERVICES)].filter((s, i, all) => all.indexOf(s) === i) : [pick(SERVICES)],
      postmortem,
    });
  }
  const handMade: Omit<FixtureIncident, "team" | "number" | "title">[] = [
    // Sunday 29 March 2026 23:30 UTC is Monday 01:30 in Berlin, just after the spring-forward: the week of 30 March there.
    { severity: "SEV1", status: "RESOLVED", origin: "ALERT", startedAt: at("2026-03-29T23:30:00Z"), detectedAt: at("2026-03-29T23:31:00Z"), acknowledgedAt: at("2026-03-29T23:40:00Z"), mitigatedAt: at("2026-03-30T01:00:00Z"), resolvedAt: at("2026-03-30T03:00:00Z"), services: ["db"], postmortem: { status: "PUBLISHED", approvals: [at("2026-04-01T09:00:00Z")], editions: [at("2026-04-02T09:00:00Z")] } },
    // 01:30 on the DST Sunday in Berlin (still CET): the week of 23 March.
    { severity: "SEV2", status: "RESOLVED", origin: "MANUAL", startedAt: at("2026-03-29T00:30:00Z"), detectedAt: at("2026-03-29T00:45:00Z"), acknowledgedAt: null, mitigatedAt: at("2026-03-29T02:00:00Z"), resolvedAt: at("2026-03-29T05:00:00Z"), services: ["db"], postmortem: null },
    // Across midnight, local and UTC.
    { severity: "SEV3", status: "RESOLVED", origin: "API", startedAt: at("2026-03-05T22:50:00Z"), detectedAt: at("2026-03-05T22:55:00Z"), acknowledgedAt: at("2026-03-05T23:05:00Z"), mitigatedAt: at("2026-03-06T00:20:00Z"), resolvedAt: at("2026-03-06T01:10:00Z"), services: ["api"], postmortem: null },
    // 00:30 on 1 April in Berlin, still 31 March in UTC: April's bucket.
    { severity: "SEV2", status: "RESOLVED", origin: "ALERT", startedAt: at("2026-03-31T22:30:00Z"), detectedAt: at("2026-03-31T22:32:00Z"), acknowledgedAt: at("2026-03-31T22:40:00Z"), mitigatedAt: null, resolvedAt: at("2026-04-01T02:00:00Z"), services: ["queue"], postmortem: { status: "APPROVED", approvals: [at("2026-04-03T08:00:00Z"), at("2026-04-05T08:00:00Z")], editions: [] } },
    // Reopened and still open: the earlier resolution time was cleared, so it has no time to resolve.
    { severity: "SEV1", status: "INVESTIGATING", origin: "MANUAL", startedAt: at("2026-04-10T08:00:00Z"), detectedAt: at("2026-04-10T08:10:00Z"), acknowledgedAt: at("2026-04-10T08:12:00Z"), mitigatedAt: at("2026-04-10T09:00:00Z"), resolvedAt: null, services: ["db"], postmortem: null },
    // Reopened and resolved again: the later resolution counts.
    { severity: "SEV2", status: "RESOLVED", origin: "MANUAL", startedAt: at("2026-02-20T10:00:00Z"), detectedAt: at("2026-02-20T10:05:00Z"), acknowledgedAt: at("2026-02-20T10:06:00Z"), mitigatedAt: at("2026-02-20T11:00:00Z"), resolvedAt: at("2026-02-23T16:00:00Z"), services: ["search"], postmortem: { status: "DRAFT", approvals: [], editions: [] } },
    // Nothing recorded but the start.
    { severity: "SEV4", status: "RESOLVED", origin: "MANUAL", startedAt: at("2026-03-10T12:00:00Z"), detectedAt: null, acknowledgedAt: null, mitigatedAt: null, resolvedAt: null, services: [], postmortem: null },
  ];
  for (const fields of handMade) add("A", fields);

  const tasks: FixtureTask[] = [];
  const dueBase = at("2026-01-20T00:00:00Z").getTime();
  for (let k = 0; k < 120; k++) {
    const incident = incidents[Math.floor(rand() * incidents.length)]!;
    const dueDate = rand() < 0.1 ? null : new Date(dueBase + Math.floor(rand() * 100) * 86_400_000).toISOString().slice(0, 10);
    const status = pick(["OPEN", "IN_PROGRESS", "BLOCKED", "DONE", "DONE", "DONE", "WONT_DO"] as const);
    const completedAt = status === "DONE" ? new Date((dueDate ? new Date(`${dueDate}T12:00:00Z`).getTime() : dueBase) + Math.floor((rand() - 0.6) * 10 * 24 * 60) * 60_000) : null;
    const criteria = rand() < 0.5 ? "Alert fires in staging" : "";
    tasks.push({
      team: incident.team,
      incidentNumber: incident.number,
      title: `Task ${k}`,
      type: pick(["CORRECTIVE", "CORRECTIVE", "PREVENTIVE", "DETECTIVE", "PROCESS"] as const),
      status,
      dueDate,
      completedAt: completedAt && completedAt > FIXTURE_NOW ? plus(FIXTURE_NOW, -60) : completedAt,
      verifiedAt: completedAt && criteria && rand() < 0.5 ? plus(FIXTURE_NOW, -30) : null,
      criteria,
      owner: pick(["owner", "member", null] as const),
    });
  }
  // Done at 00:30 Berlin on the day after it was due (still the due day in UTC): late.
  tasks.push({ team: "A", incidentNumber: 1, title: "Late by the team's calendar", type: "CORRECTIVE", status: "DONE", dueDate: "2026-03-10", completedAt: at("2026-03-10T23:30:00Z"), verifiedAt: null, criteria: "", owner: "owner" });
  // Done at 23:30 Berlin on its due day (the next day in UTC): on time.
  tasks.push({ team: "A", incidentNumber: 2, title: "On time by the team's calendar", type: "PREVENTIVE", status: "DONE", dueDate: "2026-03-11", completedAt: at("2026-03-11T22:30:00Z"), verifiedAt: null, criteria: "", owner: "member" });
  return { incidents, tasks };
}

export type Fixture = ReturnType<typeof buildFixture>;

/** Writes the fixture: team A (Berlin) with an owner and a member; team B (Berlin) where A's owner is also a member. */
export async function seedFixture(fixture: Fixture) {
  const a = await createTeamWith(["MEMBER"]);
  const b = await createTeamWith();
  await db().team.updateMany({ where: { id: { in: [a.team.id, b.team.id] } }, data: { timeZone: FIXTURE_ZONE } });
  await db().membership.create({ data: { teamId: b.team.id, userId: a.owner.userId, role: "MEMBER" } });
  const outsider = await createUser({ name: "Outsider" });
  const teamIds = { A: a.team.id, B: b.team.id };
  const users = { owner: a.owner.userId, member: a.members.MEMBER!.userId };
  const serviceIds = new Map<string, string>();
  for (const team of ["A", "B"] as const) {
    for (const name of SERVICES) {
      const service = await db().service.create({ data: { teamId: teamIds[team], name }, select: { id: true } });
      serviceIds.set(`${team}:${name}`, service.id);
    }
  }
  const incidentIds = new Map<string, string>();
  for (const i of fixture.incidents) incidentIds.set(`${i.team}:${i.number}`, randomUUID());
  await db().incident.createMany({
    data: fixture.incidents.map((i) => ({
      id: incidentIds.get(`${i.team}:${i.number}`)!,
      teamId: teamIds[i.team],
      number: i.number,
      title: i.title,
      severity: i.severity,
      status: i.status,
      origin: i.origin,
      timeZone: FIXTURE_ZONE,
      startedAt: i.startedAt,
      detectedAt: i.detectedAt,
      acknowledgedAt: i.acknowledgedAt,
      mitigatedAt: i.mitigatedAt,
      resolvedAt: i.resolvedAt,
    })),
  });
  await db().incidentService.createMany({
    data: fixture.incidents.flatMap((i) => i.services.map((s) => ({ incidentId: incidentIds.get(`${i.team}:${i.number}`)!, serviceId: serviceIds.get(`${i.team}:${s}`)! }))),
  });
  for (const i of fixture.incidents) {
    if (!i.postmortem) continue;
    const teamId = teamIds[i.team];
    const pm = await db().postmortem.create({
      data: { teamId, incidentId: incidentIds.get(`${i.team}:${i.number}`)!, title: i.title, status: i.postmortem.status, templateName: "basic", ydoc: new Uint8Array(), content: {}, markdown: "", contentHash: "x" },
      select: { id: true },
    });
    await db().auditEvent.createMany({
      data: i.postmortem.approvals.map((createdAt) => ({ teamId, action: "postmortem.status_changed", targetType: "postmortem", targetId: pm.id, data: { from: "IN_REVIEW", to: "APPROVED" }, createdAt })),
    });
    if (i.postmortem.editions.length) {
      const publication = await db().publication.create({ data: { teamId, postmortemId: pm.id, slug: uniqueSlug("pub") }, select: { id: true } });
      await db().publicEdition.createMany({
        data: i.postmortem.editions.map((publishedAt, k) => ({ publicationId: publication.id, postmortemId: pm.id, teamId, number: k + 1, title: i.title, body: {}, contentVersion: 1, contentHash: "x", publishedAt })),
      });
    }
  }
  await db().task.createMany({
    data: fixture.tasks.map((t) => ({
      teamId: teamIds[t.team],
      incidentId: incidentIds.get(`${t.team}:${t.incidentNumber}`)!,
      title: t.title,
      type: t.type,
      status: t.status,
      dueDate: t.dueDate ? new Date(`${t.dueDate}T00:00:00Z`) : null,
      completedAt: t.completedAt,
      verifiedAt: t.verifiedAt,
      verificationCriteria: t.criteria,
      ownerId: t.owner && t.team === "A" ? users[t.owner] : null,
    })),
  });
  const ownerName = (o: FixtureTask["owner"], team: "A" | "B") => (o && team === "A" ? { owner: "Owner", member: "MEMBER user" }[o] : null);
  return { teamIds, users, outsider: outsider.id, serviceIds, ownerName, teams: { A: { ...a.team, timeZone: FIXTURE_ZONE }, B: { ...b.team, timeZone: FIXTURE_ZONE } } };
}
