import { Prisma } from "@/lib/generated/prisma/client";

export type SearchTerms = { words: string[]; phrases: string[]; tokens: string[] };

// The same trimming as the search_tokens() function in the incident_search_document migration.
const LEADING = /^[("'[{<`]+/;
const TRAILING = /[)"'\]}>`.,;:!?]+$/;
const PUNCTUATED = /[^\p{L}\p{N}_]/u;

/**
 * Splits what was typed into quoted phrases, plain words (matched by stem) and punctuated tokens
 * (`rm -rf`, `/dev/sda1`, `nfs-share01`), matched as typed. A leading minus is part of the token,
 * not a negation: people paste commands into this box far more often than they exclude words.
 */
export function parseSearch(input: string): SearchTerms {
  const phrases: string[] = [];
  const rest = input.replace(/"([^"]*)"/g, (_match, phrase: string) => {
    if (phrase.trim()) phrases.push(phrase.trim());
    return " ";
  });
  const words: string[] = [];
  const tokens: string[] = [];
  for (const raw of rest.toLowerCase().split(/\s+/)) {
    const term = raw.replace(LEADING, "").replace(TRAILING, "");
    if (!term) continue;
    if (PUNCTUATED.test(term)) {
      if (term.length >= 2 && term.length <= 200) tokens.push(term);
    } else words.push(term);
  }
  return { words, phrases, tokens };
}

/** A tsquery literal of one lexeme, quoted so punctuation is taken as typed. */
const lexeme = (token: string) => `'${token.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;

/** The tsquery of all terms (every one must match), or null when nothing searchable was typed. */
export function searchTsquery(input: string): Prisma.Sql | null {
  const { words, phrases, tokens } = parseSearch(input);
  const parts: Prisma.Sql[] = [];
  if (words.length) parts.push(Prisma.sql`plainto_tsquery('english', ${words.join(" ")})`);
  for (const phrase of phrases) parts.push(Prisma.sql`phraseto_tsquery('english', ${phrase})`);
  if (tokens.length) parts.push(Prisma.sql`${tokens.map(lexeme).join(" & ")}::tsquery`);
  return parts.length ? Prisma.join(parts, " && ") : null;
}
