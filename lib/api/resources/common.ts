import { z } from "zod";
import { decodeCursor } from "@/lib/pagination";
import { AppError } from "@/lib/errors";

export const teamParams = z.object({ team: z.string().min(1).max(64).meta({ description: "The team's slug, as in its URL (/t/<slug>)." }) });
export const incidentParams = teamParams.extend({ number: z.coerce.number().int().positive().meta({ description: "The incident's number in the team (INC-42 → 42)." }) });

export const timestamp = z.iso.datetime().meta({ description: "An instant in UTC (RFC 3339)." });
export const person = z.object({ id: z.string(), name: z.string() });

/** Query parameters that may repeat (`status=OPEN&status=BLOCKED`). */
export function many<T extends z.ZodType<string>>(item: T) {
  return z
    .union([item, z.array(item)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional()
    .meta({ description: "Repeat the parameter for several values." });
}

export const cursorParam = z.string().max(300).optional().meta({ description: "The `nextCursor` of the previous page." });

/** A cursor that does not decode is the caller's mistake: 400, rather than silently the first page. */
export function checkCursor(cursor: string | undefined): string | undefined {
  if (cursor !== undefined && !decodeCursor(cursor)) throw new AppError("BAD_REQUEST", "The cursor is not one this API gave out.", { cursor: ["Pass the nextCursor of the previous page unchanged."] });
  return cursor;
}

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }) });
}

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: "Stable, machine-readable: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, VALIDATION, CONFLICT, …" }),
      message: z.string().meta({ description: "For people: says what went wrong and what to do." }),
      fields: z.record(z.string(), z.array(z.string())).meta({ description: "Messages per body field or parameter (empty when none)." }),
    }),
  })
  .meta({ id: "Error" });

export const iso = (d: Date) => d.toISOString();
export const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The version an update starts from: `If-Match: "<version>"` or `version` in the body. A
 * missing or malformed one is refused (412) so no client overwrites blind.
 */
export function versionFrom(headers: Headers, bodyVersion: number | undefined): number {
  const header = headers.get("if-match");
  const fromHeader = header === null ? undefined : /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim())?.[1];
  if (header !== null && fromHeader === undefined) throw new AppError("PRECONDITION_FAILED", "If-Match must be the version you read, e.g. If-Match: \"3\".");
  const version = fromHeader !== undefined ? Number(fromHeader) : bodyVersion;
  if (version === undefined) throw new AppError("PRECONDITION_FAILED", "Say which version you are changing: send If-Match with the version (or ETag) you read, or `version` in the body.");
  if (bodyVersion !== undefined && version !== bodyVersion) throw new AppError("PRECONDITION_FAILED", "If-Match and the body's version disagree.");
  return version;
}

export const etag = (version: number) => `"${version}"`;
