/**
 * A task's plain field values the quick-entry form shows, without their zod rules
 * (lib/tasks/schema.ts), so the incident page does not load the validation library.
 */
export const TASK_TYPES = ["CORRECTIVE", "PREVENTIVE", "DETECTIVE", "MITIGATING", "PROCESS"] as const;
export const TASK_TITLE_MAX = 200;
