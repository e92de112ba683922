import type { JSONContent } from "@tiptap/core";
import { documentToMarkdown } from "@/lib/postmortems/document";
import type { PostmortemFacts } from "@/lib/postmortems/facts";
import { redactDocument, redactFacts } from "@/lib/publishing/redact";

export type SignOffEntry = { name: string; version: number; at: string };

/** What a public edition holds, frozen at publication: already redacted, never re-read from the live document. */
export type EditionBody = {
  markdown: string;
  facts: PostmortemFacts;
  signOff: SignOffEntry[];
};

export function buildEditionBody(content: JSONContent, facts: PostmortemFacts, signOff: SignOffEntry[]): EditionBody {
  return { markdown: documentToMarkdown(redactDocument(content)), facts: redactFacts(facts), signOff };
}

/** Every piece of text an edition makes public (for the leak check and the leak tests). */
export function publicText(title: string, subtitle: string, body: EditionBody): string {
  const { incident, events, tasks } = body.facts;
  return [
    title,
    subtitle,
    body.markdown,
    incident.title,
    incident.summary,
    incident.impact,
    incident.services.join(", "),
    ...events.map((e) => e.body),
    ...tasks.map((t) => t.title),
  ].join("\n");
}

export function isEditionBody(value: unknown): value is EditionBody {
  return typeof value === "object" && value !== null && "markdown" in value && "facts" in value && "signOff" in value;
}
