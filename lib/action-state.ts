import type { ErrorBody } from "@/lib/errors";

/** What a form's server action returns to useActionState. Shared by server and client code. */
export type ActionState<T = unknown> =
  | { status: "idle" }
  | { status: "ok"; data: T; message?: string }
  | {
      status: "error";
      error: ErrorBody;
      /** Each field as typed (the first value of a repeated one); secrets left out. */
      values: Record<string, string>;
      /** Every value of each field, for checkbox groups that submit one name several times. */
      lists: Record<string, string[]>;
    };

export const idle: ActionState<never> = { status: "idle" };
