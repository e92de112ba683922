import { randomBytes } from "node:crypto";
import { z } from "zod";

/** 16 random bytes: 128 bits, 22 characters of base64url. */
export function randomSlug(): string {
  return randomBytes(16).toString("base64url");
}

/** The public router's own words (app/p/[...path]/route.ts): a chosen address equal to one would never be reached. */
const RESERVED = new Set(["editions", "images", "og", "og-png", "feed", "feed-xml", "teams", "p"]);

export const customSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "At least 3 characters.")
  .max(80, "At most 80 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Lowercase letters, digits and single hyphens, e.g. reports-outage-2025-10.")
  .refine((slug) => !RESERVED.has(slug), "This word is part of the public pages' own addresses (editions, images, og.png, feed.xml, teams). Choose another.");

/** The address that serves a publication: the chosen one when there is one. */
export function publicationPath(publication: { slug: string; customSlug: string | null }, teamSlug: string): string {
  return publication.customSlug ? `/p/${teamSlug}/${publication.customSlug}` : `/p/${publication.slug}`;
}
