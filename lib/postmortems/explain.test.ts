import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { declareIncident } from "@/lib/incidents/mutations";
import { startPostmortem } from "@/lib/postmortems/mutations";
import { listSnapshots, getPostmortemForIncident } from "@/lib/postmortems/queries";
import { listThreads } from "@/lib/comments/queries";
import { expectIndexed as expectIndexedOn } from "@/lib/testing/explain";
import { createTeamWith } from "@/lib/testing/factories";

/**
 * A long-lived, heavily discussed postmortem among many: its versions, threads and comments are
 * read through indexes, never by scanning every team's rows.
 */
const GROWN = ["PostmortemSnapshot", "CommentThread", "Comment", "Postmortem"];
let ctx: Awaited<ReturnType<typeof createTeamWith>>;
let postmortemId = "";
let incidentId = "";

beforeAll(async () => {
  ctx = await createTeamWith();
  const incident = await declareIncident(ctx.owner.userId, { teamId: ctx.team.id, title: "Grown" });
  incidentId = incident.id;
  postmortemId = (await startPostmortem(ctx.owner.userId, { teamId: ctx.team.id, incidentId, templateId: "builtin:standard", title: "Grown" })).id;
  // 200 other postmortems in the team, then versions and threads spread over all of them.
  await db().$executeRawUnsafe(`
    INSERT INTO "Incident" (id, "teamId", number, title, "timeZone", "startedAt", "updatedAt")
    SELECT 'inc-' || g, $1, 1000 + g, 'Other', 'UTC', now(), now() FROM generate_series(1, 200) g`, ctx.team.id);
  await db().$executeRawUnsafe(`
    INSERT INTO "Postmortem" (id, "teamId", "incidentId", title, "templateName", ydoc, content, markdown, "contentHash", "updatedAt")
    SELECT 'pm-' || g, $1, 'inc-' || g, 'Other', 'Hindsight standard', '\\x00', '{}', '', 'h', now() FROM generate_series(1, 200) g`, ctx.team.id);
  const owner = (g: string) => `CASE WHEN ${g} % 201 = 0 THEN $1 ELSE 'pm-' || (${g} % 200 + 1) END`;
  await db().$executeRawUnsafe(`
    INSERT INTO "PostmortemSnapshot" (id, "postmortemId", "teamId", kind, name, ydoc, content, markdown, "contentHash", "contentVersion", "createdAt")
    SELECT 'snap-' || g, ${owner("g")}, $2, 'AUTO', '', '\\x00', '{}', 'text ' || g, 'h', g, now() - g * interval '1 minute'
    FROM generate_series(1, 40000) g`, postmortemId, ctx.team.id);
  await db().$executeRawUnsafe(`
    INSERT INTO "CommentThread" (id, "postmortemId", "teamId", quote, "resolvedAt", "createdAt", "lastCommentAt")
    SELECT 'thr-' || g, ${owner("g")}, $2, 'quote', CASE WHEN g % 3 = 0 THEN NULL ELSE now() END, now() - g * interval '1 second', now()
    FROM generate_series(1, 40000) g`, postmortemId, ctx.team.id);
  await db().$executeRawUnsafe(`
    INSERT INTO "Comment" (id, "threadId", body, "createdAt")
    SELECT 'cmt-' || g, 'thr-' || (g % 40000 + 1), 'comment', now() FROM generate_series(1, 120000) g`);
  await db().$executeRawUnsafe(`ANALYZE "PostmortemSnapshot"; ANALYZE "CommentThread"; ANALYZE "Comment";`);
}, 120_000);

const expectIndexed = (work: () => Promise<unknown>) => expectIndexedOn(GROWN, work);

describe("postmortem queries on a grown data set", () => {
  it("the version list, first and a later page", async () => {
    const actor = { userId: ctx.owner.userId, teamId: ctx.team.id, role: "OWNER" as const };
    const first = await listSnapshots(actor, ctx.team.id, postmortemId);
    expect(first.items).toHaveLength(30);
    expect(first.nextCursor).not.toBeNull();
    await expectIndexed(() => listSnapshots(actor, ctx.team.id, postmortemId));
    await expectIndexed(() => listSnapshots(actor, ctx.team.id, postmortemId, first.nextCursor));
  });

  it("the comment threads and the postmortem itself", async () => {
    const actor = { userId: ctx.owner.userId, teamId: ctx.team.id, role: "OWNER" as const };
    await expectIndexed(() => listThreads(actor, ctx.team.id, postmortemId));
    await expectIndexed(() => getPostmortemForIncident(actor, ctx.team.id, incidentId));
  });
});
