import { createHash } from "node:crypto";
import { renderGonePage, renderNotFoundPage, renderPublicPage } from "@/lib/publishing/html/page";
import { lookupPublication, publicationVersion } from "@/lib/publishing/public-queries";
import { cachedPage, storePage, touchPage, type CachedPage } from "@/lib/publishing/cache";
import { notModifiedHeaders, publicPageHeaders } from "@/lib/publishing/public-headers";

export type PublicPath = { slug: string } | { teamSlug: string; customSlug: string };

const html = (status: number, body: string, noindex: boolean, etag?: string) => new Response(body, { status, headers: publicPageHeaders(status, noindex, etag) });

const etagOf = (version: string, path: string) => `"${createHash("sha256").update(`${version}|${path}`).digest("base64url").slice(0, 27)}"`;

/**
 * The response for a public postmortem link, from the page cache when it is still current. A
 * taken-down link answers 410 Gone; an unknown one 404 — the same for drafts, ids and guesses.
 */
export async function publicPostmortemResponse(path: PublicPath, editionParam: string | null, origin: string, basePath: string, ifNoneMatch: string | null = null): Promise<Response> {
  const edition = editionParam === null ? null : /^\d{1,6}$/.test(editionParam) ? Number(editionParam) : -1;
  // The request's own path, so that the web server can answer the next visit from the cache.
  const cacheKey = editionParam === null ? basePath : `${basePath}/editions/${editionParam}`;
  const serve = (page: Pick<CachedPage, "status" | "body" | "noindex" | "etag">) => {
    if (page.etag && ifNoneMatch === page.etag) return new Response(null, { status: 304, headers: notModifiedHeaders(page.etag) });
    return html(page.status, page.body, page.noindex, page.etag);
  };
  const cached = cachedPage(cacheKey);
  if (cached) {
    if (cached.fresh) return serve(cached.page);
    if ((await publicationVersion(path)) === cached.page.version) {
      touchPage(cacheKey);
      return serve(cached.page);
    }
  }
  const [found, version] = await Promise.all([lookupPublication(path, edition), publicationVersion(path)]);
  if (found.kind === "missing") return html(404, renderNotFoundPage(), true);
  if (found.kind === "gone") {
    const body = renderGonePage(found.note, basePath);
    storePage(cacheKey, { status: 410, body, noindex: true, version, etag: undefined });
    return html(410, body, true);
  }
  // An earlier edition serves its own images and preview picture under its own path.
  const editionPath = editionParam === null ? basePath : `${basePath}/editions/${found.edition.number}`;
  const page = { status: 200, body: renderPublicPage(found, origin, editionPath), noindex: found.noindex, version, etag: etagOf(version, cacheKey) };
  storePage(cacheKey, page);
  return serve(page);
}
