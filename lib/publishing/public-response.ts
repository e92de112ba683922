import { renderGonePage, renderNotFoundPage, renderPublicPage } from "@/lib/publishing/html/page";
import { lookupPublication, publicationVersion } from "@/lib/publishing/public-queries";
import { cachedPage, storePage, touchPage } from "@/lib/publishing/cache";

/** Public pages run no script but our one static file, load nothing from elsewhere, and cannot be framed. */
export const PUBLIC_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export type PublicPath = { slug: string } | { teamSlug: string; customSlug: string };

function html(status: number, body: string, noindex: boolean): Response {
  return new Response(body, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": PUBLIC_CSP,
      "Cache-Control": status === 200 ? "public, max-age=60, stale-while-revalidate=300" : "no-store",
      ...(noindex ? { "X-Robots-Tag": "noindex, nofollow" } : {}),
    },
  });
}


/**
 * The response for a public postmortem link, from the page cache when it is still current. A
 * taken-down link answers 410 Gone; an unknown one 404 — the same for drafts, ids and guesses.
 */
export async function publicPostmortemResponse(path: PublicPath, editionParam: string | null, origin: string, basePath: string): Promise<Response> {
  const edition = editionParam && /^\d{1,6}$/.test(editionParam) ? Number(editionParam) : null;
  const key = `${basePath}?${edition ?? "latest"}`;
  const cached = cachedPage(key);
  if (cached) {
    if (cached.fresh) return html(cached.page.status, cached.page.body, cached.page.noindex);
    if ((await publicationVersion(path)) === cached.page.key) {
      touchPage(key);
      return html(cached.page.status, cached.page.body, cached.page.noindex);
    }
  }
  const [found, version] = await Promise.all([lookupPublication(path, edition), publicationVersion(path)]);
  if (found.kind === "missing") return html(404, renderNotFoundPage(), true);
  if (found.kind === "gone") {
    const body = renderGonePage();
    storePage(key, { status: 410, body, noindex: true, key: version });
    return html(410, body, true);
  }
  const body = renderPublicPage(found, origin, basePath);
  storePage(key, { status: 200, body, noindex: found.noindex, key: version });
  return html(200, body, found.noindex);
}
