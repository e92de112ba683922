import { DATABASE_UNREACHABLE_MESSAGE, isDatabaseUnreachable } from "@/lib/outage/unreachable";

export type ErrorCode =
  | "UNAUTHENTICATED"
  | "BAD_REQUEST"
  | "PRECONDITION_FAILED"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "VALIDATION"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "GONE"
  | "PAYLOAD_TOO_LARGE"
  | "UNAVAILABLE"
  | "INTERNAL";

const statusByCode: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  BAD_REQUEST: 400,
  PRECONDITION_FAILED: 412,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  UNAVAILABLE: 503,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 422,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  GONE: 410,
  INTERNAL: 500,
};

export type FieldErrors = Record<string, string[] | undefined>;

/** An expected failure: its message is written for users and may be shown to them. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;

  constructor(code: ErrorCode, message: string, fields?: FieldErrors) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fields = fields;
  }

  get status(): number {
    return statusByCode[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export type ErrorBody = { code: ErrorCode; message: string; fields?: FieldErrors };

/** Turns any thrown value into what a user may see; unexpected errors are logged and hidden. */
export function toErrorBody(error: unknown): ErrorBody {
  if (isAppError(error)) return { code: error.code, message: error.message, fields: error.fields };
  console.error(error);
  // A transaction that lost its connection was rolled back, so nothing is half-written.
  if (isDatabaseUnreachable(error)) return { code: "UNAVAILABLE", message: `${DATABASE_UNREACHABLE_MESSAGE} Nothing was changed; send it again in a moment.` };
  return { code: "INTERNAL", message: "Something went wrong on our side. Nothing was changed; please try again." };
}

export function statusOf(body: ErrorBody): number {
  return statusByCode[body.code];
}

export const notFound = (what = "This page") => new AppError("NOT_FOUND", `${what} was not found.`);
