import { z } from "zod";

/** A keyset cursor: the sort value and id of the last row of the previous page. */
export type Cursor = { at: string; id: string };

const cursorSchema = z.object({ at: z.string().min(1).max(64), id: z.string().min(1).max(64) });

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

/** Malformed cursors read as "first page" rather than an error: they come from URLs. */
export function decodeCursor(raw: string | null | undefined): Cursor | null {
  if (!raw || raw.length > 300) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export type Page<T> = { items: T[]; nextCursor: string | null };

/** Fetch one row more than the page size; its presence says whether a next page exists. */
export function toPage<T>(rows: T[], pageSize: number, cursorOf: (row: T) => Cursor): Page<T> {
  const items = rows.slice(0, pageSize);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > pageSize && last ? encodeCursor(cursorOf(last)) : null };
}
