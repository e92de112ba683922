import { beforeAll, describe, it } from "vitest";
import { db } from "@/lib/db";
import { declareIncident } from "@/lib/incidents/mutations";
import { inAppNotifier } from "@/lib/notifications/notifier";
import { sendDueReminders } from "@/lib/tasks/reminders";
import { expectIndexed } from "@/lib/testing/explain";
import { createTeamWith } from "@/lib/testing/factories";

/** Years of overdue tasks whose owners were told long ago: the reminder job must not read them again. */
beforeAll(async () => {
  const { team, owner } = await createTeamWith();
  const incident = await declareIncident(owner.userId, { teamId: team.id, title: "Grown backlog" });
  await db().$executeRawUnsafe(
    `INSERT INTO "Task" (id, "teamId", "incidentId", title, type, status, "ownerId", "dueDate", "overdueRemindedFor", "updatedAt")
     SELECT 'explain-task-' || g, $1, $2, 'Old task ' || g, 'CORRECTIVE', 'OPEN', $3, d, d, now()
       FROM generate_series(1, 20000) g, LATERAL (SELECT date '2000-01-01' - (g % 3000) AS d) due`,
    team.id,
    incident.id,
    owner.userId,
  );
  await db().$executeRawUnsafe(`ANALYZE "Task"`);
}, 120_000);

describe("task queries use indexes", () => {
  // 2001: before every other test file's due dates, so their tasks are left alone.
  it("the reminder job reads only tasks not yet reminded as overdue", async () => {
    await expectIndexed(["Task"], () => sendDueReminders(inAppNotifier, new Date("2001-01-01T12:00:00Z")));
  });
});
