import type { JSONContent } from "@tiptap/core";
import { documentToMarkdown } from "@/lib/postmortems/document";
import type { PostmortemFacts } from "@/lib/postmortems/facts";
import { redactDocument, redactFacts } from "@/lib/publishing/redact";
import { diagramKey, mermaidSources } from "@/lib/postmortems/diagram-key";
import { withoutEmptySections } from "@/lib/postmortems/empty-sections";
import { renameInDocument, renameInFacts, renameInSvg, type Rename } from "@/lib/publishing/rename-people";

export type SignOffEntry = { name: string; version: number; at: string };

/** What a public edition holds, frozen at publication: already redacted, never re-read from the live document. */
export type EditionBody = {
  markdown: string;
  facts: PostmortemFacts;
  signOff: SignOffEntry[];
  /** Pictures of the edition's Mermaid blocks (SVG by diagram key); editions before these had none. */
  diagrams?: Record<string, string>;
};

const keepNames: Rename = (text) => text;

/**
 * `drawn`: the pictures the editor drew, by diagram key; only those of blocks that stay public are
 * kept. `rename` replaces members' names (text, headings, tables, alt text, facts, diagram words).
 */
export function buildEditionBody(content: JSONContent, facts: PostmortemFacts, signOff: SignOffEntry[], drawn: Record<string, string> = {}, rename: Rename = keepNames): EditionBody {
  const redacted = withoutEmptySections(redactDocument(content), redactFacts(facts), "public");
  const renamed = renameInDocument(redacted, rename);
  const before = mermaidSources(redacted);
  const diagrams = Object.fromEntries(mermaidSources(renamed).flatMap((source, i) => {
    const svg = drawn[diagramKey(before[i] ?? source)];
    return svg ? [[diagramKey(source), renameInSvg(svg, rename)]] : [];
  }));
  return { markdown: documentToMarkdown(renamed), facts: renameInFacts(redactFacts(facts), rename), signOff, diagrams };
}

/** The words a diagram picture shows (its text elements), for the leak check. */
function svgText(svg: string): string {
  return svg.replace(/<style[\s\S]*?<\/style>/gi, " ").replace(/<[^>]*>/g, " ").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
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
    ...Object.values(body.diagrams ?? {}).map(svgText),
  ].join("\n");
}

export function isEditionBody(value: unknown): value is EditionBody {
  return typeof value === "object" && value !== null && "markdown" in value && "facts" in value && "signOff" in value;
}
