import { beforeAll, describe, it } from "vitest";
import { db } from "@/lib/db";
import { crossTeamInsights, teamInsights } from "@/lib/insights/queries";
import { insightsFiltersSchema } from "@/lib/insights/schema";
import { expectIndexed as expectIndexedOn } from "@/lib/testing/explain";
import { createTeamWith } from "@/lib/testing/factories";

/**
 * Two teams with three years of incidents each (and their services, tasks, postmortems, approvals
 * and editions): every Insights statement reads the grown tables through indexes, for every
 * period and filter the page offers, and across teams.
 */
const GROWN = ["Incident", "IncidentService", "Task", "Postmortem", "AuditEvent", "PublicEdition", "TimelineEvent"];
const PER_TEAM = 8000;
let ctx: Awaited<ReturnType<typeof createTeamWith>>;
const NOW = new Date("2026-06-01T12:00:00Z");

async function grow(teamId: string, prefix: string, ownerId: string) {
  await db().$executeRawUnsafe(
    `INSERT INTO "Service" (id, "teamId", name) SELECT '${prefix}-s-' || k, $1, 'svc-' || k FROM generate_series(1, 12) k`,
    teamId,
  );
  // One incident every ~3.3 hours back from NOW: three years.
  await db().$executeRawUnsafe(
    `INSERT INTO "Incident" (id, "teamId", number, title, "timeZone", severity, status, origin, "startedAt", "detectedAt", "acknowledgedAt", "mitigatedAt", "resolvedAt", "updatedAt")
     SELECT '${prefix}-i-' || g, $1, g, 'Incident ' || g, 'Europe/Berlin', (ARRAY['SEV1','SEV2','SEV3','SEV4'])[g % 4 + 1]::"Severity",
            CASE WHEN g % 10 = 0 THEN 'INVESTIGATING' ELSE 'RESOLVED' END::"IncidentStatus", (ARRAY['MANUAL','ALERT','API'])[g % 3 + 1]::"IncidentOrigin",
            s, s + (g % 17) * interval '1 minute', CASE WHEN g % 7 <> 0 THEN s + (g % 40) * interval '1 minute' END,
            s + (g % 300) * interval '1 minute', CASE WHEN g % 10 <> 0 THEN s + (g % 900) * interval '1 minute' END, now()
       FROM generate_series(1, ${PER_TEAM}) g, LATERAL (SELECT $2::timestamptz - g * interval '200 minutes' AS s) x`,
    teamId,
    NOW,
  );
  await db().$executeRawUnsafe(
    `INSERT INTO "IncidentService" ("incidentId", "serviceId") SELECT '${prefix}-i-' || g, '${prefix}-s-' || (1 + g % 12) FROM generate_series(1, ${PER_TEAM}) g`,
  );
  await db().$executeRawUnsafe(
    `INSERT INTO "Task" (id, "teamId", "incidentId", title, type, status, "ownerId", "dueDate", "completedAt", "verifiedAt", "updatedAt")
     SELECT '${prefix}-t-' || g || '-' || k, $1, '${prefix}-i-' || g, 'Task ' || k, (ARRAY['CORRECTIVE','PREVENTIVE','DETECTIVE','PROCESS'])[(g + k) % 4 + 1]::"TaskType",
            (ARRAY['DONE','DONE','DONE','DONE','DONE','DONE','OPEN','WONT_DO','IN_PROGRESS','DONE'])[(g + k) % 10 + 1]::"TaskStatus", CASE WHEN k = 1 THEN $2 END,
            ($3::date - (g / 10) + 20), CASE WHEN (g + k) % 5 < 2 THEN $4::timestamptz - g * interval '190 minutes' END,
            CASE WHEN (g + k) % 10 = 0 THEN $4::timestamptz - g * interval '180 minutes' END, now()
       FROM generate_series(1, ${PER_TEAM}) g, generate_series(1, 3) k`,
    teamId,
    ownerId,
    NOW,
    NOW,
  );
  await db().$executeRawUnsafe(
    `INSERT INTO "Postmortem" (id, "teamId", "incidentId", title, status, "templateName", ydoc, content, markdown, "contentHash", "updatedAt")
     SELECT '${prefix}-pm-' || g, $1, '${prefix}-i-' || g, 'Postmortem ' || g, (ARRAY['DRAFT','IN_REVIEW','APPROVED','PUBLISHED'])[(g / 2) % 4 + 1]::"PostmortemStatus",
            'basic', '\\x00', '{}', '', 'h', now()
       FROM generate_series(1, ${PER_TEAM}) g WHERE g % 2 = 0`,
    teamId,
  );
  await db().$executeRawUnsafe(
    `INSERT INTO "AuditEvent" (id, "teamId", action, "targetType", "targetId", data, "createdAt")
     SELECT '${prefix}-a-' || g, $1, 'postmortem.status_changed', 'postmortem', '${prefix}-pm-' || g, '{"to":"APPROVED"}', now()
       FROM generate_series(1, ${PER_TEAM}) g WHERE (g / 2) % 4 IN (2, 3) AND g % 2 = 0`,
    teamId,
  );
  await db().$executeRawUnsafe(
    `INSERT INTO "Publication" (id, "teamId", "postmortemId", slug, "updatedAt")
     SELECT '${prefix}-pub-' || g, $1, '${prefix}-pm-' || g, '${prefix}-slug-' || g, now() FROM generate_series(1, ${PER_TEAM}) g WHERE (g / 2) % 4 = 3 AND g % 2 = 0`,
    teamId,
  );
  await db().$executeRawUnsafe(
    `INSERT INTO "PublicEdition" (id, "publicationId", "postmortemId", "teamId", number, title, body, "contentVersion", "contentHash", "publishedAt")
     SELECT '${prefix}-ed-' || g, '${prefix}-pub-' || g, '${prefix}-pm-' || g, $1, 1, 'Edition', '{}', 1, 'h', now()
       FROM generate_series(1, ${PER_TEAM}) g WHERE (g / 2) % 4 = 3 AND g % 2 = 0`,
    teamId,
  );
}

beforeAll(async () => {
  ctx = await createTeamWith();
  const other = await createTeamWith();
  await grow(ctx.team.id, `ins-${ctx.team.id}`, ctx.owner.userId);
  await grow(other.team.id, `ins-${other.team.id}`, other.owner.userId);
  // Others' history beside it, as on a real instance: the team read is a small part of every table.
  for (let k = 0; k < 3; k++) {
    const stranger = await createTeamWith();
    await grow(stranger.team.id, `ins-${stranger.team.id}`, stranger.owner.userId);
  }
  await db().membership.create({ data: { teamId: other.team.id, userId: ctx.owner.userId, role: "MEMBER" } });
  for (const table of ["Incident", "IncidentService", "Service", "Task", "Postmortem", "AuditEvent", "Publication", "PublicEdition"]) await db().$executeRawUnsafe(`ANALYZE "${table}"`);
}, 180_000);

const expectIndexed = (work: () => Promise<unknown>) => expectIndexedOn(GROWN, work);
const filters = (input: Record<string, unknown> = {}) => insightsFiltersSchema.parse(input);
const team = () => ({ id: ctx.team.id, slug: ctx.team.slug, name: ctx.team.name, timeZone: "Europe/Berlin" });
const actor = () => ({ userId: ctx.owner.userId, teamId: ctx.team.id, role: "OWNER" as const });

describe("index-served Insights on a grown data set", () => {
  it.each([
    ["the last 30 days", { period: "30" }],
    ["the last 90 days by month and quarter", { period: "90", volume: "month", trend: "quarter" }],
    ["the last 365 days", { period: "365" }],
    ["a custom range", { period: "custom", from: "2025-01-01", to: "2025-03-31" }],
    ["severity and status", { period: "365", severity: ["SEV1", "SEV2"], status: ["RESOLVED"] }],
    ["a service", { period: "90", service: "svc-3" }],
  ])("a team's page for %s", async (_label, input) => {
    await expectIndexed(() => teamInsights(actor(), team(), filters(input), NOW));
  });

  it("the cross-team view", async () => {
    await expectIndexed(() => crossTeamInsights(ctx.owner.userId, filters({ period: "90" }), NOW));
  });
});
