import { Temporal } from "temporal-polyfill";
import type { RecurrenceUnit, TaskStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";

export const MAX_RECURRENCE = { WEEKS: 52, MONTHS: 12 } as const;

const invalid = (field: string, message: string) => new AppError("VALIDATION", "Please correct the highlighted fields.", { [field]: [message] });

/** "every 0 weeks" or "every 60 weeks" is a typo, not a schedule. */
export function checkRecurrence(every: number | null | undefined, unit: RecurrenceUnit | null | undefined): void {
  if (every === null || every === undefined) {
    if (unit) throw invalid("recurrenceEvery", "Say how often it repeats.");
    return;
  }
  if (!unit) throw invalid("recurrenceUnit", "Choose weeks or months.");
  if (every < 1 || every > MAX_RECURRENCE[unit]) {
    throw invalid("recurrenceEvery", unit === "WEEKS" ? "Repeat every 1 to 52 weeks." : "Repeat every 1 to 12 months.");
  }
}

/** Blocked and won't-do need a reason, so the next reader knows why. */
export function checkStatusReason(status: TaskStatus, reason: string | undefined): string {
  const text = reason?.trim() ?? "";
  if ((status === "BLOCKED" || status === "WONT_DO") && !text) {
    throw invalid("reason", status === "BLOCKED" ? "Say what it is blocked on." : "Say why it will not be done.");
  }
  return status === "BLOCKED" || status === "WONT_DO" ? text : "";
}

export const isClosed = (status: TaskStatus) => status === "DONE" || status === "WONT_DO";

/** When the next occurrence is due: N weeks or months after this one's due date (or after today). */
export function nextDueDate(due: Date | null, every: number, unit: RecurrenceUnit, today: string): string {
  const from = due ? Temporal.PlainDate.from(due.toISOString().slice(0, 10)) : Temporal.PlainDate.from(today);
  return from.add(unit === "WEEKS" ? { weeks: every } : { months: every }).toString();
}

/** Today's calendar date in a zone, "2025-10-15". */
export function todayIn(timeZone: string, now = new Date()): string {
  return Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

export type DueState = "overdue" | "today" | "soon" | "later" | "none";

export function dueState(due: Date | null, status: TaskStatus, today: string): DueState {
  if (!due || isClosed(status)) return "none";
  const day = due.toISOString().slice(0, 10);
  if (day < today) return "overdue";
  if (day === today) return "today";
  return Temporal.PlainDate.from(day).since(Temporal.PlainDate.from(today)).days <= 7 ? "soon" : "later";
}
