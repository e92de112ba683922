import { expect } from "vitest";
import { AppError } from "@/lib/errors";

/** Awaits a promise that must fail with an AppError, and returns the error for assertions. */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
