import type { ErrorBody } from "@/lib/errors";

/** What a form's server action returns to useActionState. Shared by server and client code. */
export type ActionState<T = unknown> =
  | { status: "idle" }
  | { status: "ok"; data: T; message?: string }
  | { status: "error"; error: ErrorBody; values: Record<string, string> };

export const idle: ActionState<never> = { status: "idle" };
