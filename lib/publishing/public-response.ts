import { createHash } from "node:crypto";
import { renderGonePage, renderNotFoundPage, renderPublicPage } from "@/lib/publishing/html/page";
import { lookupPublication, publicationVersion } from "@/lib/publishing/public-queries";
import { cachedPage, storePage, touchPage } from "@/lib/publishing/cache";

/** Public pages run no script but our one static file, load nothing from elsewhere, and cannot be framed. */
export const PUBLIC_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export type PublicPath = { slug: string } | { teamSlug: string; customSlug: string };

function html(status: number, body: string, noindex: boolean, etag?: string): Response {
  return new Response(body, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": PUBLIC_CSP,
      // Browsers and proxies revalidate every time (a cheap 304), so a take-down is seen at once.
      "Cache-Control": status === 200 ? "public, no-cache" : "no-store",
      ...(etag ? { ETag: etag } : {}),
      ...(noindex ? { "X-Robots-Tag": "noindex, nofollow" } : {}),
    },
  });
}

const etagOf = (version: string, url: string) => `"${createHash("sha256").update(`${version}|${url}`).digest("base64url").slice(0, 27)}"`;

/**
 * The response for a public postmortem link, from the page cache when it is still current. A
 * taken-down link answers 410 Gone; an unknown one 404 — the same for drafts, ids and guesses.
 */
export async function publicPostmortemResponse(path: PublicPath, editionParam: string | null, origin: string, basePath: string, ifNoneMatch: string | null = null): Promise<Response> {
  const edition = editionParam === null ? null : /^\d{1,6}$/.test(editionParam) ? Number(editionParam) : -1;
  const key = `${basePath}?${edition ?? "latest"}`;
  const serve = (page: { status: number; body: string; noindex: boolean; key: string }) => {
    const etag = page.status === 200 ? etagOf(page.key, key) : undefined;
    if (etag && ifNoneMatch === etag) return new Response(null, { status: 304, headers: { ETag: etag, "Cache-Control": "public, no-cache" } });
    return html(page.status, page.body, page.noindex, etag);
  };
  const cached = cachedPage(key);
  if (cached) {
    if (cached.fresh) return serve(cached.page);
    if ((await publicationVersion(path)) === cached.page.key) {
      touchPage(key);
      return serve(cached.page);
    }
  }
  const [found, version] = await Promise.all([lookupPublication(path, edition), publicationVersion(path)]);
  if (found.kind === "missing") return html(404, renderNotFoundPage(), true);
  if (found.kind === "gone") {
    const body = renderGonePage();
    storePage(key, { status: 410, body, noindex: true, key: version });
    return html(410, body, true);
  }
  const page = { status: 200, body: renderPublicPage(found, origin, basePath), noindex: found.noindex, key: version };
  storePage(key, page);
  return serve(page);
}
