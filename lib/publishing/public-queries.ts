import { db } from "@/lib/db";
import { publicationPath } from "@/lib/publishing/slug";
import { isEditionBody, type EditionBody } from "@/lib/publishing/edition";

/** Public reads take no actor: they only ever return published, unrevoked editions. */
export type PublicLookup =
  | { kind: "missing" }
  /** `note`: why one edition was withdrawn (empty when the whole page was taken down). */
  | { kind: "gone"; note: string }
  | {
      kind: "edition";
      publicationId: string;
      slug: string;
      canonicalPath: string;
      noindex: boolean;
      /** `accent`: the team's colour for its public pages (lib/publishing/accent.ts), null for the default. */
      team: { name: string; slug: string; publicIndex: boolean; accent: string | null };
      edition: { id: string; number: number; title: string; subtitle: string; body: EditionBody; publishedAt: Date };
      latest: { number: number; publishedAt: Date };
      editions: { number: number; note: string; publishedAt: Date }[];
    };

const EDITION_LIMIT = 100;

/**
 * A public link: `/p/<slug>` (unguessable) or `/p/<team>/<custom>`. Anything else — an unknown
 * slug, an internal id, a draft — is "missing"; a taken-down link is "gone".
 */
export async function lookupPublication(path: { slug: string } | { teamSlug: string; customSlug: string }, editionNumber: number | null): Promise<PublicLookup> {
  const publication = await db().publication.findFirst({
    where: "slug" in path ? { slug: path.slug } : { customSlug: path.customSlug, team: { slug: path.teamSlug } },
    select: {
      id: true,
      slug: true,
      customSlug: true,
      noindex: true,
      revokedAt: true,
      team: { select: { name: true, slug: true, publicIndex: true, publicBranding: { select: { accent: true } } } },
      editions: { orderBy: { number: "desc" }, take: EDITION_LIMIT, select: { id: true, number: true, note: true, publishedAt: true, withdrawnAt: true, withdrawnNote: true } },
    },
  });
  if (!publication || publication.editions.length === 0) return { kind: "missing" };
  if (publication.revokedAt) return { kind: "gone", note: "" };
  const withdrawn = editionNumber === null ? undefined : publication.editions.find((e) => e.number === editionNumber && e.withdrawnAt);
  if (withdrawn) return { kind: "gone", note: withdrawn.withdrawnNote };
  const editions = publication.editions.filter((e) => !e.withdrawnAt);
  const latest = editions[0];
  if (!latest) return { kind: "gone", note: "" };
  const wanted = editionNumber === null ? latest : editions.find((e) => e.number === editionNumber);
  if (!wanted) return { kind: "missing" };
  const edition = await db().publicEdition.findUniqueOrThrow({
    where: { id: wanted.id },
    select: { id: true, number: true, title: true, subtitle: true, body: true, publishedAt: true },
  });
  if (!isEditionBody(edition.body)) return { kind: "missing" };
  return {
    kind: "edition",
    publicationId: publication.id,
    slug: publication.slug,
    canonicalPath: publicationPath(publication, publication.team.slug),
    noindex: publication.noindex,
    team: { name: publication.team.name, slug: publication.team.slug, publicIndex: publication.team.publicIndex, accent: publication.team.publicBranding?.accent ?? null },
    edition: { ...edition, body: edition.body },
    latest: { number: latest.number, publishedAt: latest.publishedAt },
    editions: editions.map((e) => ({ number: e.number, note: e.note, publishedAt: e.publishedAt })),
  };
}

/** The cache's freshness check: which edition a link shows now (or that it is gone). One indexed lookup and a join. */
export async function publicationVersion(path: { slug: string } | { teamSlug: string; customSlug: string }): Promise<string> {
  const publication = await db().publication.findFirst({
    where: "slug" in path ? { slug: path.slug } : { customSlug: path.customSlug, team: { slug: path.teamSlug } },
    select: {
      revokedAt: true,
      noindex: true,
      updatedAt: true,
      team: { select: { name: true, publicIndex: true, publicBranding: { select: { accent: true } } } },
      editions: { where: { withdrawnAt: null }, orderBy: { number: "desc" }, take: 1, select: { id: true } },
    },
  });
  if (!publication) return "missing";
  if (publication.revokedAt) return "gone";
  // updatedAt also moves when an edition is withdrawn (lib/publishing/mutations.ts).
  // Everything the page shows that is not frozen in the edition: a renamed team shows its new name.
  const { team } = publication;
  return `${publication.editions[0]?.id}:${publication.noindex}:${publication.updatedAt.toISOString()}:${team.publicIndex}:${team.name}:${team.publicBranding?.accent ?? ""}`;
}

const INDEX_LIMIT = 100;

/** A team's opt-in public index: its listed, live publications, newest edition first. */
export async function teamIndex(teamSlug: string) {
  const team = await db().team.findUnique({ where: { slug: teamSlug }, select: { id: true, name: true, slug: true, publicIndex: true } });
  if (!team || !team.publicIndex) return null;
  const editions = await db().publicEdition.findMany({
    where: { teamId: team.id, withdrawnAt: null, publication: { listed: true, revokedAt: null } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: INDEX_LIMIT * 3,
    select: { id: true, title: true, subtitle: true, number: true, publishedAt: true, publication: { select: { id: true, slug: true, customSlug: true } } },
  });
  // Newest edition per publication only.
  const seen = new Set<string>();
  const items = editions.filter((e) => !seen.has(e.publication.id) && seen.add(e.publication.id)).slice(0, INDEX_LIMIT);
  return {
    team,
    items: items.map((e) => ({
      title: e.title,
      subtitle: e.subtitle,
      edition: e.number,
      publishedAt: e.publishedAt,
      path: publicationPath(e.publication, team.slug),
    })),
  };
}
