import { publicOrigin } from "@/lib/publishing/origin";
import { publicPostmortemResponse, type PublicPath } from "@/lib/publishing/public-response";
import { editionImage, previewImage } from "@/lib/publishing/public-assets";
import { teamFeed, teamIndexPage } from "@/lib/publishing/team-index-response";

// Rendered pages are cached in this process and rechecked against the database every few
// seconds (lib/publishing/cache.ts); browsers and CDNs revalidate every visit (ETag, 304).
export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * Public postmortems, readable without an account:
 *   /p/<slug>, /p/<team>/<custom>           the latest edition (…/editions/<n> for an earlier one)
 *   …/og.png, …/images/<upload id>          its preview picture and the images it shows (…/editions/<n>/… for an earlier one)
 *   /p/teams/<team>, /p/teams/<team>/feed.xml   a team's opt-in index and Atom feed
 */
export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const segments = (await params).path;
  // The configured public URL (never a request header) names the page in links and previews.
  const origin = publicOrigin();
  if (segments[0] === "teams") {
    if (segments.length === 2) return teamIndexPage(segments[1]!);
    if (segments.length === 3 && segments[2] === "feed.xml") return teamFeed(segments[1]!, origin);
    return notFound();
  }
  const [first, second] = segments;
  let path: PublicPath;
  let rest: string[];
  if (second === undefined || second === "og.png" || second === "images" || second === "editions") {
    path = { slug: first! };
    rest = segments.slice(1);
  } else {
    path = { teamSlug: first!, customSlug: second };
    rest = segments.slice(2);
  }
  const basePath = "slug" in path ? `/p/${path.slug}` : `/p/${path.teamSlug}/${path.customSlug}`;
  const ifNoneMatch = request.headers.get("if-none-match");
  if (rest.length === 0) return publicPostmortemResponse(path, null, origin, basePath, ifNoneMatch);
  let edition: number | null = null;
  if (rest[0] === "editions" && rest.length >= 2) {
    if (rest.length === 2) return publicPostmortemResponse(path, rest[1]!, origin, basePath, ifNoneMatch);
    if (!/^\d{1,6}$/.test(rest[1]!)) return notFound();
    edition = Number(rest[1]);
    rest = rest.slice(2);
  }
  if (rest.length === 1 && rest[0] === "og.png") return previewImage(path, edition, ifNoneMatch);
  if (rest.length === 2 && rest[0] === "images") return editionImage(path, edition, rest[1]!, ifNoneMatch);
  return notFound();
}
