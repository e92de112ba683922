export type RawSearchParams = Record<string, string | string[] | undefined>;

/** Next's searchParams to the shape zod schemas expect: listed keys always arrays, the rest single values. */
export function normalizeSearchParams(raw: RawSearchParams, arrayKeys: readonly string[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    if (arrayKeys.includes(key)) out[key] = (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(",")).filter(Boolean);
    else {
      const single = Array.isArray(value) ? value[0] : value;
      if (single) out[key] = single;
    }
  }
  return out;
}

/** A URL query from filters, dropping empty values, for links that keep the current view. */
export function toQueryString(params: Record<string, string | string[] | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, v);
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
