import { beforeAll, describe, it } from "vitest";
import { db } from "@/lib/db";
import { deliverOutbox } from "@/lib/mail/deliver";
import { listInstanceOutbox, listTeamOutbox, teamOutboxMessage } from "@/lib/mail/queries";
import { expectIndexed as expectIndexedOn } from "@/lib/testing/explain";
import { createTeamWith } from "@/lib/testing/factories";

/** Years of mail, mostly sent: the outbox pages and the delivery claim read through indexes. */
const GROWN = ["OutgoingEmail"];
// Read when the environment is first parsed (lazily, in beforeAll).
process.env.INSTANCE_ADMINS = "root@example.test";
const expectIndexed = (work: () => Promise<unknown>) => expectIndexedOn(GROWN, work);
let ctx: Awaited<ReturnType<typeof createTeamWith>>;

beforeAll(async () => {
  ctx = await createTeamWith();
  const other = await createTeamWith();
  await db().$executeRawUnsafe(
    `INSERT INTO "OutgoingEmail" (id, "messageId", "teamId", kind, "toAddress", subject, text, html, status, "createdAt", "nextAttemptAt")
     SELECT 'explain-mail-' || g, '<explain-' || g || '@example.test>', CASE WHEN g % 2 = 0 THEN $1 ELSE $2 END, 'test', 'x@example.test', 'Subject', 'text', '<p>html</p>',
            'SENT', now() - g * interval '1 minute', now() - g * interval '1 minute'
       FROM generate_series(1, 20000) g`,
    ctx.team.id,
    other.team.id,
  );
  await db().$executeRawUnsafe(`ANALYZE "OutgoingEmail"`);
}, 120_000);

describe("outbox queries use indexes", () => {
  const actor = () => ({ userId: ctx.owner.userId, teamId: ctx.team.id, role: "OWNER" as const });

  it("a team's outbox, first and later pages, and one message", async () => {
    const first = await listTeamOutbox(actor(), ctx.team.id);
    await expectIndexed(() => listTeamOutbox(actor(), ctx.team.id));
    await expectIndexed(() => listTeamOutbox(actor(), ctx.team.id, first.nextCursor));
    await expectIndexed(() => teamOutboxMessage(actor(), ctx.team.id, first.items[0]!.id));
  });

  it("the instance outbox", async () => {
    await expectIndexed(() => listInstanceOutbox({ email: "root@example.test", emailVerified: true }));
  });

  // At the epoch nothing is due, so other tests' mail is left alone.
  it("the delivery claim", async () => {
    await expectIndexed(() => deliverOutbox(null, new Date(0)));
  });
});
