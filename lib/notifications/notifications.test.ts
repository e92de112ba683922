import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { inAppNotifier } from "@/lib/notifications/notifier";
import { openNotification } from "@/lib/notifications/mutations";
import { NOTIFICATION_LABEL, notificationLabel } from "@/lib/notifications/labels";
import { createTeamWith } from "@/lib/testing/factories";

async function notice(userId: string, teamId: string, href: string) {
  const dedupeKey = `test:${Math.random()}`;
  await inAppNotifier.notify([{ userId, teamId, kind: "comment.mention", dedupeKey, message: "Someone mentioned you", href }]);
  return db().notification.findUniqueOrThrow({ where: { userId_dedupeKey: { userId, dedupeKey } } });
}

describe("opening a notification", () => {
  it("marks it read once and leads where it points; another person's stays unread and leads nowhere", async () => {
    const ctx = await createTeamWith(["MEMBER"]);
    const mine = await notice(ctx.owner.userId, ctx.team.id, `/t/${ctx.team.slug}/incidents/1/postmortem`);
    const theirs = await notice(ctx.members.MEMBER!.userId, ctx.team.id, `/t/${ctx.team.slug}/tasks`);

    expect(await openNotification(ctx.owner.userId, mine.id)).toBe(`/t/${ctx.team.slug}/incidents/1/postmortem`);
    const read = await db().notification.findUniqueOrThrow({ where: { id: mine.id } });
    expect(read.readAt).not.toBeNull();
    await openNotification(ctx.owner.userId, mine.id);
    expect((await db().notification.findUniqueOrThrow({ where: { id: mine.id } })).readAt).toEqual(read.readAt);

    expect(await openNotification(ctx.owner.userId, theirs.id)).toBeNull();
    expect((await db().notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
  });

  it("never leads off the site", async () => {
    const ctx = await createTeamWith();
    for (const href of ["https://evil.test/", "//evil.test/x", "/\\evil.test"]) {
      const row = await notice(ctx.owner.userId, ctx.team.id, href);
      expect(await openNotification(ctx.owner.userId, row.id)).toBe("/notifications");
    }
  });
});

describe("notification labels", () => {
  it("name every kind, and something for a kind written before a label existed", () => {
    expect(Object.values(NOTIFICATION_LABEL).every((label) => label.length > 0)).toBe(true);
    expect(notificationLabel("review.requested")).toBe("Review requested");
    expect(notificationLabel("comment.mention")).toBe("Mention");
    expect(notificationLabel("something.old")).toBe("Notice");
  });
});
