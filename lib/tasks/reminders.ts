import { Temporal } from "temporal-polyfill";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Notifier, NotificationInput } from "@/lib/notifications/notifier";
import { todayIn } from "@/lib/tasks/rules";

const BATCH = 500;

type PendingTask = { id: string; title: string; due: string; ownerId: string; teamId: string; slug: string; timeZone: string };

/**
 * Reminds owners of open tasks due tomorrow (in their team's zone) and of overdue ones. Each
 * reminder has a dedupe key per task and due date, so the job can run every few minutes, and a
 * moved due date reminds again. A task reminded as overdue is marked with that due date and left
 * out of later runs (Task_reminder_pending_idx holds only the rest), so a run reads the tasks
 * that are due soon or newly overdue, not every overdue task ever. `now` is a parameter so tests
 * control time instead of sleeping.
 */
export async function sendDueReminders(notifier: Notifier, now = new Date()): Promise<number> {
  // The widest "tomorrow" on Earth (UTC+14) bounds the query; zones are checked per team below.
  const horizon = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO("Pacific/Kiritimati").toPlainDate().add({ days: 1 }).toString();
  let sent = 0;
  let after: { due: string; id: string } | null = null;
  for (;;) {
    const tasks = await pendingTasks(horizon, after);
    if (tasks.length === 0) return sent;
    const notices: NotificationInput[] = [];
    const overdue: { id: string; due: string }[] = [];
    for (const task of tasks) {
      const today = todayIn(task.timeZone, now);
      const { due } = task;
      const tomorrow = Temporal.PlainDate.from(today).add({ days: 1 }).toString();
      const base = { userId: task.ownerId, teamId: task.teamId, href: `/t/${task.slug}/tasks/${task.id}`, taskId: task.id };
      if (due < today) {
        notices.push({ ...base, kind: "task.overdue", dedupeKey: `task-overdue:${task.id}:${due}`, message: `Overdue since ${due}: ${task.title}` });
        overdue.push({ id: task.id, due });
      } else if (due === tomorrow || due === today) {
        notices.push({ ...base, kind: "task.due_soon", dedupeKey: `task-due:${task.id}:${due}`, message: `Due ${due === today ? "today" : "tomorrow"}: ${task.title}` });
      }
    }
    sent += await notifier.notify(notices);
    // Marked only once its reminder is stored, and only while the due date is still the one reminded of.
    if (overdue.length > 0) {
      await db().$executeRaw`
        UPDATE "Task" t SET "overdueRemindedFor" = v.due
          FROM unnest(${overdue.map((o) => o.id)}::text[], ${overdue.map((o) => o.due)}::date[]) AS v(id, due)
         WHERE t.id = v.id AND t."dueDate" = v.due`;
    }
    const last = tasks[tasks.length - 1]!;
    after = { due: last.due, id: last.id };
  }
}

/** A page of open, owned tasks due by `horizon` that have not been reminded as overdue for their due date. */
function pendingTasks(horizon: string, after: { due: string; id: string } | null): Promise<PendingTask[]> {
  const page = after ? Prisma.sql`AND (t."dueDate", t.id) > (${after.due}::date, ${after.id})` : Prisma.empty;
  // The predicate repeats Task_reminder_pending_idx's, so the planner can use that index.
  return db().$queryRaw<PendingTask[]>`
    SELECT t.id, t.title, to_char(t."dueDate", 'YYYY-MM-DD') AS due, t."ownerId", t."teamId", tm.slug, tm."timeZone"
      FROM "Task" t JOIN "Team" tm ON tm.id = t."teamId"
     WHERE t.status IN ('OPEN', 'IN_PROGRESS', 'BLOCKED') AND t."ownerId" IS NOT NULL
       AND t."overdueRemindedFor" IS DISTINCT FROM t."dueDate"
       AND t."dueDate" <= ${horizon}::date ${page}
     ORDER BY t."dueDate", t.id
     LIMIT ${BATCH}`;
}
