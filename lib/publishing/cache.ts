/**
 * Rendered public pages, kept in this process and keyed by their path. An entry is served as is
 * for a few seconds, then rechecked against the database (one indexed lookup) before it is served
 * again; publishing and revoking in this process drop it at once.
 */
const FRESH_MS = 5_000;
const MAX_ENTRIES = 500;

export type CachedPage = {
  status: number;
  body: string;
  noindex: boolean;
  /** Which edition (or take-down) the page shows: compared with the database on a recheck. */
  version: string;
  etag: string | undefined;
  checkedAt: number;
  /** The body compressed once, on first demand, for browsers that accept gzip. */
  gzipped?: Buffer;
};

// On globalThis: Next.js bundles route handlers and server actions separately, and the web server
// (scripts/web.ts) answers from the same entries ahead of Next.js; a publish or revoke (an action)
// must clear what all of them serve in this process.
const store = globalThis as unknown as { hindsightPublicPages?: Map<string, CachedPage> };
const pages = (store.hindsightPublicPages ??= new Map<string, CachedPage>());

export function cachedPage(path: string, now = Date.now()): { page: CachedPage; fresh: boolean } | null {
  const page = pages.get(path);
  return page ? { page, fresh: now - page.checkedAt < FRESH_MS } : null;
}

export function storePage(path: string, page: Omit<CachedPage, "checkedAt">, now = Date.now()): void {
  if (pages.size >= MAX_ENTRIES && !pages.has(path)) pages.delete(pages.keys().next().value ?? "");
  pages.set(path, { ...page, checkedAt: now });
}

export function touchPage(path: string, now = Date.now()): void {
  const page = pages.get(path);
  if (page) page.checkedAt = now;
}

export function clearPublicPages(): void {
  pages.clear();
}
