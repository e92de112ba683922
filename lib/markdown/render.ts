import { Marked, type Token, type Tokens, type TokensList } from "marked";
import { safeImageSrc, safeLinkHref } from "@/lib/postmortems/editor/safe-url";
import { esc } from "@/lib/publishing/html/escape";
import { TextLru } from "@/lib/markdown/lru";

export type RenderOptions = {
  /** Where a public edition serves the uploads it shows; null or absent: our own upload route. */
  imageBase?: string | null;
  /** How a Mermaid block is shown; absent: as its source in a code block. */
  diagram?: (source: string) => string;
};

export type RenderedPart = { kind: "html"; html: string } | { kind: "diagram"; source: string };

const LINK_REL = "noopener noreferrer nofollow ugc";

function imageUrl(src: string, imageBase: string | null | undefined): string {
  const match = /^\/api\/uploads\/([A-Za-z0-9_-]+)$/.exec(src);
  return match && imageBase ? `${imageBase}/images/${match[1]}` : src;
}

const codeHtml = (text: string, lang: string | undefined) => `<pre><code${lang ? ` class="language-${esc(lang)}"` : ""}>${esc(text)}</code></pre>`;

/**
 * The one Markdown pipeline (GFM: tables, task lists, strikethrough, autolinks) for the app, the
 * review, live blocks, exports and public pages. Raw HTML is shown as the text that was typed —
 * never run, never dropped, so `List<String>` or `<none>` from a terminal reads the same
 * everywhere. Links keep only safe addresses (the editor's rule); images load only from our own
 * uploads, others become a link so a reader is never tracked or flooded by a remote picture.
 */
function createParser({ imageBase, diagram }: RenderOptions): Marked {
  return new Marked({
    gfm: true,
    async: false,
    renderer: {
      html: (token: Tokens.HTML | Tokens.Tag) => esc(token.text),
      link(token: Tokens.Link) {
        const text = this.parser.parseInline(token.tokens);
        const href = safeLinkHref(token.href);
        return href ? `<a href="${esc(href)}" rel="${LINK_REL}" target="_blank">${text}</a>` : text;
      },
      image(token: Tokens.Image) {
        const src = safeImageSrc(token.href);
        if (!src) return esc(token.text);
        if (src.startsWith("/api/uploads/")) return `<img src="${esc(imageUrl(src, imageBase))}" alt="${esc(token.text)}" loading="lazy">`;
        return `<a href="${esc(src)}" rel="${LINK_REL}" target="_blank">${esc(token.text || "image")}</a>`;
      },
      code(token: Tokens.Code) {
        if (token.lang === "mermaid" && diagram) return diagram(token.text);
        return codeHtml(token.text, token.lang);
      },
    },
  });
}

const standard = createParser({});

/** CommonMark's rule, which marked skips: NUL is shown as U+FFFD, so it reaches no page and no database. */
const withoutNul = (source: string) => source.replaceAll("\u0000", "\uFFFD");
// An incident page shows hundreds of entries and re-renders on every live update: each text is
// rendered once per version. About 8 M characters (a few tens of MB) at most.
const cache = new TextLru(8_000_000);

/** Markdown to safe HTML. Without options the result is memoised by the text. */
export function renderMarkdown(source: string, options?: RenderOptions): string {
  if (options) return createParser(options).parse(withoutNul(source)) as string;
  const hit = cache.get(source);
  if (hit !== undefined) return hit;
  const out = standard.parse(withoutNul(source)) as string;
  cache.set(source, out);
  return out;
}

/**
 * Markdown as HTML pieces with its top-level Mermaid blocks apart, for a page that draws
 * diagrams with a component of its own (the review).
 */
export function renderMarkdownParts(source: string): RenderedPart[] {
  const tokens = standard.lexer(withoutNul(source));
  const parts: RenderedPart[] = [];
  let group: Token[] = [];
  const flush = () => {
    if (group.length === 0) return;
    const list: TokensList = Object.assign(group, { links: tokens.links });
    parts.push({ kind: "html", html: standard.parser(list) });
    group = [];
  };
  for (const token of tokens) {
    if (token.type === "code" && (token as Tokens.Code).lang === "mermaid") {
      flush();
      parts.push({ kind: "diagram", source: (token as Tokens.Code).text });
    } else group.push(token);
  }
  flush();
  return parts;
}

/** For tests and benches: how many texts are memoised. */
export const renderCacheSize = () => cache.count;
