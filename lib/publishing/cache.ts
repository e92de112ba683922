/**
 * Rendered public pages, kept in this process. An entry is served as is for a few seconds, then
 * rechecked against the database (one indexed lookup) before it is served again; publishing and
 * revoking in this process drop it at once.
 */
const FRESH_MS = 5_000;
const MAX_ENTRIES = 500;

export type CachedPage = { status: number; body: string; noindex: boolean; key: string; checkedAt: number };

// On globalThis: Next.js bundles route handlers and server actions separately, and a publish or
// revoke (an action) must clear the pages the public route (a handler) serves in this process.
const store = globalThis as unknown as { hindsightPublicPages?: Map<string, CachedPage> };
const pages = (store.hindsightPublicPages ??= new Map<string, CachedPage>());

export function cachedPage(url: string, now = Date.now()): { page: CachedPage; fresh: boolean } | null {
  const page = pages.get(url);
  return page ? { page, fresh: now - page.checkedAt < FRESH_MS } : null;
}

export function storePage(url: string, page: Omit<CachedPage, "checkedAt">, now = Date.now()): void {
  if (pages.size >= MAX_ENTRIES) pages.delete(pages.keys().next().value ?? "");
  pages.set(url, { ...page, checkedAt: now });
}

export function touchPage(url: string, now = Date.now()): void {
  const page = pages.get(url);
  if (page) page.checkedAt = now;
}

export function clearPublicPages(): void {
  pages.clear();
}
