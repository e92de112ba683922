import { z } from "zod";
import { readTypedDate } from "@/lib/time/entry";
import { multiLine, plausibleDate, singleLine } from "@/lib/validation";
import { TASK_TITLE_MAX, TASK_TYPES } from "@/lib/tasks/fields";

export const TASK_PRIORITIES = ["P0", "P1", "P2", "P3"] as const;
export const TASK_STATUSES = ["OPEN", "IN_PROGRESS", "BLOCKED", "DONE", "WONT_DO"] as const;
export const OPEN_STATUSES = ["OPEN", "IN_PROGRESS", "BLOCKED"] as const;
export const DUE_BUCKETS = ["overdue", "week", "later", "none"] as const;

export const TASK_DESCRIPTION_MAX = 20_000;
export const TASK_VERIFICATION_MAX = 2_000;
export const TASK_KEY_MAX = 100;
export const TASK_REASON_MAX = 1_000;

const optionalId = z.union([z.literal("").transform(() => null), z.string().min(1)]);
const optionalText = (max: number, label: string) => singleLine({ max, tooLong: `${label} is too long (${max} characters at most).` });
const optionalLongText = (max: number, label: string) => multiLine({ max, tooLong: `${label} is too long (${max} characters at most).` });

// Typed as text (components/time/date-input.tsx): "2026/12/01" and "20261201" are read as that day.
const dueDate = z.preprocess(
  (value) => (typeof value === "string" ? (readTypedDate(value) ?? value.trim()) : value),
  z.union([z.literal("").transform(() => null), plausibleDate("Enter the date as YYYY-MM-DD.")]),
);

const externalUrl = z.union([
  z.literal("").transform(() => null),
  z
    .url({ message: "Enter a full link, like https://tracker.example/ISSUE-1." })
    .max(2000)
    .refine((u) => /^https?:\/\//i.test(u), { message: "Only http and https links are allowed." }),
]);

const recurrenceEvery = z.union([
  z.literal("").transform(() => null),
  z.coerce.number({ message: "Enter a number." }).int("Use a whole number."),
]);

const checkbox = z.union([z.literal("on"), z.literal("true"), z.literal("false"), z.boolean()]).optional().transform((v) => v === true || v === "on" || v === "true");

export const taskFieldsSchema = z.object({
  title: singleLine({ max: TASK_TITLE_MAX, required: "Give the task a title.", tooLong: "Keep the title under 200 characters." }),
  description: optionalLongText(TASK_DESCRIPTION_MAX, "The description").optional(),
  type: z.enum(TASK_TYPES, { message: "Choose a type." }),
  priority: z.enum(TASK_PRIORITIES, { message: "Choose a priority." }).optional(),
  ownerId: optionalId.optional(),
  dueDate: dueDate.optional(),
  externalUrl: externalUrl.optional(),
  externalKey: optionalText(TASK_KEY_MAX, "The tracker key").optional(),
  recurrenceEvery: recurrenceEvery.optional(),
  recurrenceUnit: z.union([z.literal("").transform(() => null), z.enum(["WEEKS", "MONTHS"])]).optional(),
  verificationCriteria: optionalLongText(TASK_VERIFICATION_MAX, "The check").optional(),
});

export const createTaskSchema = taskFieldsSchema.extend({
  teamId: z.string().min(1),
  incidentId: z.string().min(1),
  sourceEventId: optionalId.optional(),
});

export const updateTaskSchema = taskFieldsSchema.partial().extend({
  teamId: z.string().min(1),
  taskId: z.string().min(1),
  version: z.coerce.number().int().min(1),
});

export const changeStatusSchema = z.object({
  teamId: z.string().min(1),
  taskId: z.string().min(1),
  version: z.coerce.number().int().min(1),
  status: z.enum(TASK_STATUSES, { message: "Choose a status." }),
  reason: optionalLongText(TASK_REASON_MAX, "The reason").optional(),
});

export const taskInternalSchema = z.object({ teamId: z.string().min(1), taskId: z.string().min(1), internal: checkbox });

export const verifyTaskSchema = z.object({ teamId: z.string().min(1), taskId: z.string().min(1), version: z.coerce.number().int().min(1) });

export const teamTaskSettingsSchema = z.object({ teamId: z.string().min(1), requireTaskVerification: checkbox });

export const taskFiltersSchema = z.object({
  status: z.array(z.enum(TASK_STATUSES)).catch([]).default([]),
  type: z.array(z.enum(TASK_TYPES)).catch([]).default([]),
  owner: z.string().max(64).optional().catch(undefined),
  incident: z.coerce.number().int().positive().optional().catch(undefined),
  due: z.enum(DUE_BUCKETS).optional().catch(undefined),
  after: z.string().max(300).optional().catch(undefined),
});
export type TaskFilters = z.infer<typeof taskFiltersSchema>;
