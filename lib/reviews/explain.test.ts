import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listPostmortems, postmortemFiltersSchema } from "@/lib/reviews/list";
import { getReviewState } from "@/lib/reviews/queries";
import { applyFactsChange, drainFactsChanges } from "@/lib/reviews/facts-changes";
import { expectIndexed as expectIndexedOn } from "@/lib/testing/explain";
import { createTeamWith } from "@/lib/testing/factories";

/**
 * A team with years of incidents, postmortems and review rounds, beside another as big: every view
 * of the Postmortems page and the review state read through indexes.
 */
const GROWN = ["Incident", "Postmortem", "ReviewRequest", "Review"];
let ctx: Awaited<ReturnType<typeof createTeamWith>>;
let other: Awaited<ReturnType<typeof createTeamWith>>;

async function grow(teamId: string, reviewerId: string, prefix: string) {
  await db().$executeRawUnsafe(
    `INSERT INTO "Incident" (id, "teamId", number, title, "timeZone", severity, status, "startedAt", "resolvedAt", "updatedAt")
     SELECT '${prefix}-inc-' || g, $1, g, 'Incident ' || g, 'UTC', (ARRAY['SEV1','SEV2','SEV3','SEV4'])[g % 4 + 1]::"Severity",
            'RESOLVED', now() - g * interval '1 hour', now() - g * interval '1 hour' + interval '30 minutes', now()
       FROM generate_series(1, 6000) g`,
    teamId,
  );
  // Two in three incidents have a postmortem, in every state.
  await db().$executeRawUnsafe(
    `INSERT INTO "Postmortem" (id, "teamId", "incidentId", title, status, "templateName", ydoc, content, markdown, "contentHash", "lastEditedAt", "updatedAt")
     SELECT '${prefix}-pm-' || g, $1, '${prefix}-inc-' || g, 'Postmortem ' || g, (ARRAY['DRAFT','IN_REVIEW','APPROVED','PUBLISHED'])[g % 4 + 1]::"PostmortemStatus",
            'Hindsight standard', '\\x00', '{}', '', 'h', now() - g * interval '1 minute', now()
       FROM generate_series(1, 6000) g WHERE g % 3 <> 0`,
    teamId,
  );
  await db().$executeRawUnsafe(
    `INSERT INTO "ReviewRequest" (id, "postmortemId", "teamId", "reviewerId")
     SELECT '${prefix}-rr-' || g, '${prefix}-pm-' || g, $1, $2 FROM generate_series(1, 6000) g WHERE g % 3 <> 0 AND g % 5 = 0`,
    teamId,
    reviewerId,
  );
  await db().$executeRawUnsafe(
    `INSERT INTO "Review" (id, "postmortemId", "teamId", "reviewerId", "reviewerName", decision, "contentVersion", "contentHash", "factsVersion", "createdAt")
     SELECT '${prefix}-rv-' || g || '-' || k, '${prefix}-pm-' || g, $1, $2, 'Reviewer', 'APPROVED', 1, 'h', 1, now() - k * interval '1 minute'
       FROM generate_series(1, 6000) g, generate_series(1, 4) k WHERE g % 3 <> 0`,
    teamId,
    reviewerId,
  );
}

beforeAll(async () => {
  ctx = await createTeamWith(["MEMBER"]);
  other = await createTeamWith();
  await grow(ctx.team.id, ctx.members.MEMBER!.userId, "a");
  await grow(other.team.id, other.owner.userId, "b");
  await db().$executeRawUnsafe(`ANALYZE "Incident"; ANALYZE "Postmortem"; ANALYZE "ReviewRequest"; ANALYZE "Review";`);
}, 120_000);

const expectIndexed = (work: () => Promise<unknown>) => expectIndexedOn(GROWN, work);

describe("the Postmortems page and review state on a grown data set", () => {
  const views = [
    { view: "all" },
    { view: "all", status: "IN_REVIEW" },
    { view: "all", status: "DRAFT" },
    { view: "mine" },
    { view: "overdue" },
  ];
  for (const raw of views) {
    it(`${raw.view}${raw.status ? ` (${raw.status})` : ""}: first and a later page`, async () => {
      const actor = { userId: ctx.members.MEMBER!.userId, teamId: ctx.team.id, role: "MEMBER" as const };
      const filters = postmortemFiltersSchema.parse(raw);
      const first = await listPostmortems(actor, ctx.team.id, filters);
      expect(first.items).toHaveLength(25);
      expect(first.nextCursor).not.toBeNull();
      await expectIndexed(() => listPostmortems(actor, ctx.team.id, filters));
      await expectIndexed(() => listPostmortems(actor, ctx.team.id, { ...filters, after: first.nextCursor ?? undefined }));
    });
  }

  it("a postmortem's review state and sign-off record", async () => {
    const actor = { userId: ctx.owner.userId, teamId: ctx.team.id, role: "OWNER" as const };
    await expectIndexed(() => getReviewState(actor, ctx.team.id, "a-pm-10"));
  });

  it("settling facts changes: in the writer's transaction, and by the background drain", async () => {
    // a-pm-10 and a-pm-14 are approved (see grow): a change of their incidents' facts sends them back.
    await db().$executeRawUnsafe(`UPDATE "Incident" SET impact = 'Revised' WHERE id IN ('a-inc-10', 'a-inc-14')`);
    await expectIndexed(() => db().$transaction((tx) => applyFactsChange(tx, { teamId: ctx.team.id, incidentId: "a-inc-10", actorId: ctx.owner.userId })));
    await expectIndexed(() => drainFactsChanges());
    const statuses = await db().postmortem.findMany({ where: { id: { in: ["a-pm-10", "a-pm-14"] } }, select: { status: true } });
    expect(statuses).toEqual([{ status: "IN_REVIEW" }, { status: "IN_REVIEW" }]);
  });
});
