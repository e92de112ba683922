import { Temporal } from "temporal-polyfill";
import { db } from "@/lib/db";
import type { Notifier, NotificationInput } from "@/lib/notifications/notifier";
import { OPEN_STATUSES } from "@/lib/tasks/schema";
import { todayIn } from "@/lib/tasks/rules";

const BATCH = 500;

/**
 * Reminds owners of open tasks due tomorrow (in their team's zone) and of overdue ones. Each
 * reminder has a dedupe key per task and due date, so the job can run every few minutes, and a
 * moved due date reminds again. `now` is a parameter so tests control time instead of sleeping.
 */
export async function sendDueReminders(notifier: Notifier, now = new Date()): Promise<number> {
  // The widest "tomorrow" on Earth (UTC+14) bounds the query; zones are checked per team below.
  const horizon = new Date(`${Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO("Pacific/Kiritimati").toPlainDate().add({ days: 1 })}T00:00:00.000Z`);
  let sent = 0;
  let afterId = "";
  for (;;) {
    const tasks = await db().task.findMany({
      where: { status: { in: [...OPEN_STATUSES] }, ownerId: { not: null }, dueDate: { lte: horizon }, id: { gt: afterId } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, title: true, dueDate: true, ownerId: true, teamId: true, team: { select: { slug: true, timeZone: true } } },
    });
    if (tasks.length === 0) return sent;
    const notices: NotificationInput[] = [];
    for (const task of tasks) {
      if (!task.ownerId || !task.dueDate) continue;
      const today = todayIn(task.team.timeZone, now);
      const due = task.dueDate.toISOString().slice(0, 10);
      const tomorrow = Temporal.PlainDate.from(today).add({ days: 1 }).toString();
      const base = { userId: task.ownerId, teamId: task.teamId, href: `/t/${task.team.slug}/tasks/${task.id}`, taskId: task.id };
      if (due < today) notices.push({ ...base, kind: "task.overdue", dedupeKey: `task-overdue:${task.id}:${due}`, message: `Overdue since ${due}: ${task.title}` });
      else if (due === tomorrow || due === today) notices.push({ ...base, kind: "task.due_soon", dedupeKey: `task-due:${task.id}:${due}`, message: `Due ${due === today ? "today" : "tomorrow"}: ${task.title}` });
    }
    sent += await notifier.notify(notices);
    afterId = tasks[tasks.length - 1]!.id;
  }
}
