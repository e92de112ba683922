import { gunzipSync, gzipSync } from "node:zlib";
import { z } from "zod";

export const ARCHIVE_FORMAT = "hindsight-team-archive";
export const ARCHIVE_VERSION = 1;

export type Row = Record<string, unknown>;

const archiveSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSION),
  exportedAt: z.string(),
  /** Migrations the exporting database had applied: the importing one must have them all. */
  migrations: z.array(z.string()),
  team: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  /** Everyone the team's rows refer to, by e-mail: ids differ between instances. No password hashes. */
  users: z.array(z.object({ id: z.string(), email: z.string(), name: z.string() })),
  /** Rows per table as PostgreSQL's to_jsonb gives them (bytea as `\x…` hex: Yjs state, images). */
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});

export type TeamArchive = z.infer<typeof archiveSchema>;

/** One gzip-compressed JSON document. */
export function packArchive(archive: TeamArchive): Buffer {
  return gzipSync(Buffer.from(JSON.stringify(archive)));
}

export class ArchiveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ArchiveError";
  }
}

export function unpackArchive(bytes: Buffer): TeamArchive {
  let parsed: unknown;
  try {
    parsed = JSON.parse(gunzipSync(bytes).toString("utf8"));
  } catch {
    throw new ArchiveError("This is not a Hindsight team archive (not gzip-compressed JSON).");
  }
  const result = archiveSchema.safeParse(parsed);
  if (!result.success) throw new ArchiveError(`This is not a Hindsight team archive of version ${ARCHIVE_VERSION}: ${result.error.issues[0]?.message ?? "unknown shape"}.`);
  return result.data;
}
