import { LOCAL_TIMES_SCRIPT_HASH } from "@/lib/publishing/html/local-times";

/** Public pages run no script but our one (by its hash), load nothing from elsewhere, and cannot be framed. */
export const PUBLIC_CSP = `default-src 'none'; style-src 'self'; img-src 'self' data:; script-src ${LOCAL_TIMES_SCRIPT_HASH}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

/** The headers of a public postmortem page, whichever server layer answers it. */
export function publicPageHeaders(status: number, noindex: boolean, etag: string | undefined): Record<string, string> {
  return {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy": PUBLIC_CSP,
    // Browsers and proxies revalidate every time (a cheap 304), so a take-down is seen at once.
    "Cache-Control": status === 200 ? "public, no-cache" : "no-store",
    ...(etag ? { ETag: etag } : {}),
    ...(noindex ? { "X-Robots-Tag": "noindex, nofollow" } : {}),
  };
}

/** A 304 for a browser or CDN that already holds this version of the page. */
export function notModifiedHeaders(etag: string): Record<string, string> {
  return { ETag: etag, "Cache-Control": "public, no-cache" };
}
