import { randomBytes } from "node:crypto";
import { z } from "zod";

/** 16 random bytes: 128 bits, 22 characters of base64url. */
export function randomSlug(): string {
  return randomBytes(16).toString("base64url");
}

export const customSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "At least 3 characters.")
  .max(80, "At most 80 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Lowercase letters, digits and single hyphens, e.g. reports-outage-2025-10.")
  .refine((slug) => !["images", "og", "feed"].includes(slug), "This address is reserved. Choose another.");
