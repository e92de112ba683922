import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { AppError, toErrorBody } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/same-origin";
import type { ActionState } from "@/lib/action-state";
import { formDataToObject } from "@/lib/validation";
import { requireUserOrThrow } from "@/lib/auth/current-user";
import type { SessionUser } from "@/lib/auth/sessions";

const SECRET_FIELDS = /password|token|secret/i;

/** What the user typed, minus secrets, so a failed form can be shown again as it was. */
function echoValues(input: Record<string, unknown>): { values: Record<string, string>; lists: Record<string, string[]> } {
  const values: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(input)) {
    if (SECRET_FIELDS.test(key)) continue;
    const strings = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string");
    if (strings.length === 0) continue;
    values[key] = strings[0]!;
    lists[key] = strings;
  }
  return { values, lists };
}

type Options<T> = {
  /** Paths (or route patterns like /t/[team]) whose renders, and everything below them, the change invalidates. */
  revalidate?: (result: T) => string[];
  /** Where to go on success (a redirect, so it happens after the write). */
  redirectTo?: (result: T) => string;
  message?: (result: T) => string;
  /** Actions for visitors who are not signed in yet (sign-up). */
  anonymous?: boolean;
};

/**
 * The one way a form reaches a mutation: same-origin check → session → mutation (which parses
 * and authorises) → revalidate → result. Expected errors come back with field messages and the
 * values typed; anything else is logged and reported generically.
 */
export function formAction<T>(
  run: (user: SessionUser | null, input: Record<string, unknown>) => Promise<T>,
  options: Options<T> = {},
) {
  return async (_previous: ActionState<T>, form: FormData): Promise<ActionState<T>> => {
    const input = formDataToObject(form);
    let result: T;
    try {
      assertSameOrigin(await headers());
      const user = options.anonymous ? null : await requireUserOrThrow();
      result = await run(user, input);
    } catch (error) {
      return { status: "error", error: toErrorBody(error), ...echoValues(input) };
    }
    for (const path of options.revalidate?.(result) ?? []) revalidatePath(path, "layout");
    if (options.redirectTo) redirect(options.redirectTo(result));
    return { status: "ok", data: result, message: options.message?.(result) };
  };
}

/** For signed-in actions: narrows the user to non-null. */
export function memberAction<T>(run: (user: SessionUser, input: Record<string, unknown>) => Promise<T>, options: Options<T> = {}) {
  return formAction<T>((user, input) => {
    if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
    return run(user, input);
  }, options);
}
