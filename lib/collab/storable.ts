/**
 * PostgreSQL cannot store U+0000 in text or jsonb, and jsonb refuses an escaped lone surrogate;
 * either one aborts the whole write. Collaboration updates are Yjs binary, so they may carry
 * both: what is derived from them for the database goes through here first.
 */
const NUL = /\u0000/g;

/** The text with NUL removed and each lone surrogate replaced by U+FFFD. */
export function storableText(text: string): string {
  return text.replace(NUL, "").toWellFormed();
}

/** A JSON value with every string (keys included) made storable. */
export function storableJson<T>(value: T): T {
  if (typeof value === "string") return storableText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => storableJson(item)) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]: [string, unknown]) => [storableText(key), storableJson(item)])) as T;
  }
  return value;
}
