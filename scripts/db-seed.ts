import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { createPrismaClient } from "../lib/db";
import { hashPassword } from "../lib/auth/password";
import { wallTimeToUtc } from "../lib/time/zoned";
import { DEMO_DAY, DEMO_ZONE, demoIncident, demoTasks, demoTimeline } from "./seed/demo-incident";
import { DEMO_COMMENT_QUOTE, DEMO_POSTMORTEM_TITLE, demoPostmortemDocument } from "./seed/demo-postmortem";
import { demoHistory } from "./seed/demo-history";
import { contentHash, documentToMarkdown, encodeDocument } from "../lib/postmortems/document";

export const DEMO_LOGIN = { email: "demo@hindsight.local", password: "hindsight-demo" } as const;
const DEMO_SLUG = "demo";

const at = (time: string) => wallTimeToUtc(`${DEMO_DAY}T${time}`, DEMO_ZONE);

/**
 * Seeds a demo team with a realistic resolved incident and its postmortem, and a year of smaller
 * incidents before today for Insights. Idempotent: returns null when the demo team already exists,
 * otherwise the demo sign-in.
 */
export async function seedDemo(databaseUrl: string): Promise<{ email: string; password: string } | null> {
  const prisma = createPrismaClient(databaseUrl, 2);
  try {
    if (await prisma.team.findUnique({ where: { slug: DEMO_SLUG }, select: { id: true } })) return null;
    const passwordHash = await hashPassword(DEMO_LOGIN.password);
    // The demo's .local addresses can receive no mail, so no link could ever verify them: they start verified.
    const emailVerified = new Date();
    await prisma.$transaction(async (tx) => {
      const people = {
        lead: await tx.user.create({ data: { email: DEMO_LOGIN.email, name: "Dana Demo", passwordHash, emailVerified }, select: { id: true } }),
        ops: await tx.user.create({ data: { email: "olu.ops@hindsight.local", name: "Olu Adeyemi", passwordHash, emailVerified }, select: { id: true } }),
        dev: await tx.user.create({ data: { email: "mei.dev@hindsight.local", name: "Mei Chen", passwordHash, emailVerified }, select: { id: true } }),
      };
      const team = await tx.team.create({
        data: {
          slug: DEMO_SLUG,
          name: "Acme Reports (demo)",
          timeZone: DEMO_ZONE,
          incidentSeq: 1,
          memberships: { create: [{ userId: people.lead.id, role: "OWNER" }, { userId: people.ops.id, role: "MEMBER" }, { userId: people.dev.id, role: "ADMIN" }] },
        },
        select: { id: true },
      });
      const services = await Promise.all(
        demoIncident.services.map((name) => tx.service.create({ data: { teamId: team.id, name }, select: { id: true } })),
      );
      const m = demoIncident.moments;
      const incident = await tx.incident.create({
        data: {
          teamId: team.id,
          number: 1,
          title: demoIncident.title,
          summary: demoIncident.summary,
          impact: demoIncident.impact,
          rootCause: demoIncident.rootCause,
          resolution: demoIncident.resolution,
          severity: demoIncident.severity,
          status: "RESOLVED",
          usersAffectedPct: demoIncident.usersAffectedPct,
          timeZone: DEMO_ZONE,
          startedAt: at(m.startedAt),
          detectedAt: at(m.detectedAt),
          acknowledgedAt: at(m.acknowledgedAt),
          mitigatedAt: at(m.mitigatedAt),
          resolvedAt: at(m.resolvedAt),
          commanderId: people.lead.id,
          declaredById: people.ops.id,
          lastEditedById: people.lead.id,
          lastActivityAt: at("16:40"),
          createdAt: at("08:05"),
          services: { create: services.map((s) => ({ serviceId: s.id })) },
        },
        select: { id: true },
      });
      await tx.timelineEvent.createMany({
        data: [
          { teamId: team.id, incidentId: incident.id, occurredAt: at("08:05"), kind: "UPDATE", source: "SYSTEM", authorId: people.ops.id, body: "Incident declared as SEV2. Status: Investigating." },
          ...demoTimeline.map((e) => ({
            teamId: team.id,
            incidentId: incident.id,
            occurredAt: at(e.at),
            kind: e.kind,
            body: e.body,
            starred: e.starred ?? false,
            authorId: people[e.author].id,
            createdAt: at(e.at),
          })),
          { teamId: team.id, incidentId: incident.id, occurredAt: at("16:30:01"), kind: "RESOLUTION", source: "SYSTEM", authorId: people.lead.id, body: "Status changed from Monitoring to Resolved." },
        ],
      });
      for (const task of demoTasks) {
        const created = await tx.task.create({
          data: {
            teamId: team.id,
            incidentId: incident.id,
            title: task.title,
            type: task.type,
            priority: task.priority,
            status: task.status,
            ownerId: people[task.owner].id,
            dueDate: new Date(`${task.due}T00:00:00.000Z`),
            recurrenceEvery: task.every?.n ?? null,
            recurrenceUnit: task.every?.unit ?? null,
            verificationCriteria: task.check ?? "",
            completedAt: task.status === "DONE" ? at("16:30") : null,
            createdById: people.lead.id,
          },
          select: { id: true },
        });
        if (task.every) await tx.task.update({ where: { id: created.id }, data: { seriesId: created.id } });
      }
      const threadId = `demo${randomUUID().replace(/-/g, "")}`;
      const content = demoPostmortemDocument(threadId);
      const ydoc = encodeDocument(content);
      const postmortem = await tx.postmortem.create({
        data: {
          teamId: team.id,
          incidentId: incident.id,
          title: DEMO_POSTMORTEM_TITLE,
          templateName: "Hindsight standard",
          authorId: people.lead.id,
          ydoc,
          content,
          markdown: documentToMarkdown(content),
          contentHash: contentHash(content),
          docBytes: ydoc.byteLength,
          lastEditedById: people.dev.id,
          lastEditedAt: at("18:10"),
        },
        select: { id: true },
      });
      await tx.postmortemSnapshot.create({
        data: {
          postmortemId: postmortem.id,
          teamId: team.id,
          kind: "NAMED",
          name: "First full draft",
          ydoc,
          content,
          markdown: documentToMarkdown(content),
          contentHash: contentHash(content),
          contentVersion: 1,
          createdById: people.dev.id,
          createdAt: at("18:10"),
        },
      });
      await tx.commentThread.create({
        data: {
          id: threadId,
          postmortemId: postmortem.id,
          teamId: team.id,
          quote: DEMO_COMMENT_QUOTE,
          createdById: people.dev.id,
          createdAt: at("18:05"),
          comments: {
            create: [
              { authorId: people.dev.id, body: "Should we say what would have shortened this? A database dashboard on the on-call screen would have shown it at 08:05.", createdAt: at("18:05") },
              { authorId: people.ops.id, body: "Agreed — I will add it to the detective tasks. @Dana Demo can you mention it in Lessons?", createdAt: at("18:20") },
            ],
          },
        },
      });
      const history = demoHistory(team.id, { lead: people.lead.id, ops: people.ops.id, dev: people.dev.id }, new Date(), 2, DEMO_ZONE);
      const serviceIds = new Map(demoIncident.services.map((name, i) => [name, services[i]!.id]));
      for (const name of new Set(history.map((h) => h.service))) {
        if (!serviceIds.has(name)) serviceIds.set(name, (await tx.service.create({ data: { teamId: team.id, name }, select: { id: true } })).id);
      }
      await tx.incident.createMany({ data: history.map((h) => h.incident) });
      await tx.incidentService.createMany({ data: history.map((h) => ({ incidentId: h.incident.id!, serviceId: serviceIds.get(h.service)! })) });
      await tx.timelineEvent.createMany({ data: history.flatMap((h) => h.events.map((e) => ({ ...e, teamId: team.id, incidentId: h.incident.id! }))) });
      await tx.task.createMany({ data: history.flatMap((h) => h.tasks.map((t) => ({ ...t, teamId: team.id, incidentId: h.incident.id! }))) });
      await tx.team.update({ where: { id: team.id }, data: { incidentSeq: 1 + history.length } });
      await tx.auditEvent.create({ data: { teamId: team.id, actorId: people.lead.id, action: "team.created", targetType: "team", targetId: team.id, data: { seeded: true } } });
    });
    return { email: DEMO_LOGIN.email, password: DEMO_LOGIN.password };
  } finally {
    await prisma.$disconnect();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set. `npm start` seeds its embedded database by itself; set DATABASE_URL to seed another.");
    process.exit(1);
  }
  seedDemo(url)
    .then((login) => console.log(login ? `Seeded the demo team. Sign in as ${login.email} / ${login.password}` : "The demo team already exists; nothing to do."))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
