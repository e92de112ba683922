import type { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";

/** Bodies larger than this are refused before parsing (413). */
export const MAX_BODY_BYTES = 1024 * 1024;

function fieldErrors(error: z.ZodError, prefix = ""): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? prefix + issue.path.join(".") : prefix ? prefix.slice(0, -1) : "_body";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** Path and query parameters: a malformed one is a bad request (400), not unprocessable content. */
export function parseParams<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new AppError("BAD_REQUEST", "A path or query parameter is invalid: see fields.", fieldErrors(result.error));
}

/** A well-formed JSON body whose content breaks the rules: 422 with a message per field. */
export function parseBody<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new AppError("VALIDATION", "The request body is invalid: see fields.", fieldErrors(result.error));
}

/** Query strings as objects: a repeated key (`status=A&status=B`) becomes an array. */
export function queryToObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    const existing = out[key];
    out[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** The raw text and parsed value of a JSON body: 415 for another type, 413 when too big, 400 when not JSON. */
export async function readJsonBody(request: Request): Promise<{ text: string; value: unknown }> {
  if (!JSON_TYPE.test(request.headers.get("content-type") ?? "")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON with Content-Type: application/json.");
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw tooLarge();
  try {
    return { text, value: JSON.parse(text) };
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid JSON.");
  }
}

function tooLarge() {
  return new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`);
}
