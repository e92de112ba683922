import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { declareIncident } from "@/lib/incidents/mutations";
import { startPostmortem } from "@/lib/postmortems/mutations";
import { replyToThread, setThreadResolved, startThread } from "@/lib/comments/mutations";
import { listThreads } from "@/lib/comments/queries";
import { createTeamWith, createUser } from "@/lib/testing/factories";
import { rejection } from "@/lib/testing/errors";

async function setup() {
  const ctx = await createTeamWith(["MEMBER", "VIEWER", "ADMIN"]);
  const incident = await declareIncident(ctx.owner.userId, { teamId: ctx.team.id, title: "Reports stopped" });
  const { id: postmortemId } = await startPostmortem(ctx.owner.userId, { teamId: ctx.team.id, incidentId: incident.id, templateId: "builtin:standard", title: "T" });
  const names = Object.fromEntries(
    await Promise.all(Object.entries(ctx.members).map(async ([role, m]) => [role, (await db().user.findUniqueOrThrow({ where: { id: m.userId } })).name])),
  ) as Record<string, string>;
  return { ...ctx, postmortemId, names, actor: { userId: ctx.owner.userId, teamId: ctx.team.id, role: "OWNER" as const } };
}

const mentions = (userId: string) => db().notification.findMany({ where: { userId, kind: { startsWith: "comment." } } });

describe("comment threads", () => {
  it("opens a thread on a passage and notifies the members it really mentions", async () => {
    const { team, owner, members, names, postmortemId, actor } = await setup();
    const outsider = await createUser({ name: "Outsider" });
    const { threadId } = await startThread(owner.userId, {
      teamId: team.id,
      postmortemId,
      quote: "An unindexed query",
      body: `Can we add the EXPLAIN output, @${names.MEMBER}?`,
      // The admin was picked but then deleted from the text; the outsider was never a member.
      mentions: [members.MEMBER!.userId, members.ADMIN!.userId, outsider.id],
    });
    expect(await mentions(members.MEMBER!.userId)).toHaveLength(1);
    expect(await mentions(members.ADMIN!.userId)).toHaveLength(0);
    expect(await mentions(outsider.id)).toHaveLength(0);
    const [notification] = await mentions(members.MEMBER!.userId);
    expect(notification?.href).toMatch(/\/postmortem#comment-/);
    const threads = await listThreads(actor, team.id, postmortemId);
    expect(threads.open.map((t) => [t.id, t.quote, t.comments.length])).toEqual([[threadId, "An unindexed query", 1]]);
  });

  it("replies notify the thread's starter; resolving and reopening move it between lists", async () => {
    const { team, owner, members, postmortemId, actor } = await setup();
    const { threadId } = await startThread(members.MEMBER!.userId, { teamId: team.id, postmortemId, quote: "q", body: "Is this right?" });
    await replyToThread(owner.userId, { teamId: team.id, threadId, body: "Yes — checked with the DBA." });
    expect((await mentions(members.MEMBER!.userId)).map((n) => n.kind)).toEqual(["comment.reply"]);
    await setThreadResolved(owner.userId, { teamId: team.id, threadId, resolved: "true" });
    let threads = await listThreads(actor, team.id, postmortemId);
    expect(threads.open).toHaveLength(0);
    expect(threads.resolved[0]?.resolvedBy?.name).toBe("Owner");
    await setThreadResolved(owner.userId, { teamId: team.id, threadId, resolved: "false" });
    threads = await listThreads(actor, team.id, postmortemId);
    expect(threads.open).toHaveLength(1);
    expect(threads.open[0]?.comments.map((c) => c.body)).toEqual(["Is this right?", "Yes — checked with the DBA."]);
  });

  it("refuses viewers, outsiders, empty comments and another team's thread", async () => {
    const { team, owner, members, postmortemId } = await setup();
    const other = await setup();
    expect((await rejection(startThread(members.VIEWER!.userId, { teamId: team.id, postmortemId, quote: "q", body: "hi" }))).code).toBe("FORBIDDEN");
    expect((await rejection(startThread(other.owner.userId, { teamId: other.team.id, postmortemId, quote: "q", body: "hi" }))).code).toBe("NOT_FOUND");
    expect((await rejection(startThread(owner.userId, { teamId: team.id, postmortemId, quote: "q", body: "   " }))).fields).toMatchObject({ body: [expect.any(String)] });
    const { threadId } = await startThread(owner.userId, { teamId: team.id, postmortemId, quote: "q", body: "ours" });
    expect((await rejection(replyToThread(other.owner.userId, { teamId: other.team.id, threadId, body: "theirs" }))).code).toBe("NOT_FOUND");
    expect((await rejection(setThreadResolved(other.owner.userId, { teamId: other.team.id, threadId, resolved: "true" }))).code).toBe("NOT_FOUND");
  });
});
