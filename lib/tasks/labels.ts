import type { TaskStatus, TaskType } from "@/lib/generated/prisma/enums";

export const TASK_TYPE_LABEL: Record<TaskType, { label: string; hint: string }> = {
  CORRECTIVE: { label: "Corrective", hint: "Fix what broke" },
  PREVENTIVE: { label: "Preventive", hint: "Stop it happening again" },
  DETECTIVE: { label: "Detective", hint: "See it sooner: monitoring, alerts" },
  MITIGATING: { label: "Mitigating", hint: "Limit the damage next time" },
  PROCESS: { label: "Process / docs", hint: "Runbooks, reviews, knowledge sharing" },
};

export const TASK_STATUS_LABEL: Record<TaskStatus, string> = {
  OPEN: "Open",
  IN_PROGRESS: "In progress",
  BLOCKED: "Blocked",
  DONE: "Done",
  WONT_DO: "Won't do",
};
