import { Marked, type Tokens } from "marked";
import { isSafeImageUrl, isSafeLinkUrl } from "@/lib/postmortems/editor/safe-url";
import { esc } from "@/lib/publishing/html/escape";
import { diagramKey } from "@/lib/postmortems/diagram-key";

/** Uploaded images are team-only; a published edition serves the ones it shows under its own path. */
function publicImageUrl(src: string, imageBase: string | null): string {
  const match = /^\/api\/uploads\/([A-Za-z0-9_-]+)$/.exec(src);
  return match && imageBase ? `${imageBase}/images/${match[1]}` : src;
}

/**
 * Markdown to HTML for public pages: raw HTML in the source is shown as text, links and images
 * keep only safe addresses, and a Mermaid diagram is shown as the picture the editor drew (an
 * <img>, where SVG cannot run anything) with its source folded away, or as its source alone.
 */
export function markdownToHtml(source: string, imageBase: string | null, diagrams: Record<string, string> = {}): string {
  return parser(imageBase, diagrams).parse(source) as string;
}

/** One line of Markdown (a timeline entry) as inline HTML, with the same safety rules. */
export function inlineMarkdownToHtml(source: string): string {
  return parser(null, {}).parseInline(source) as string;
}

function diagramHtml(source: string, svg: string | undefined): string {
  const code = `<pre><code>${esc(source)}</code></pre>`;
  if (!svg) return `<figure class="diagram">${code}<figcaption>Diagram (Mermaid source)</figcaption></figure>`;
  // The picture's own proportions, so the page does not shift when it is decoded.
  const box = /viewBox="[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)"/.exec(svg);
  const size = box ? ` width="${Math.round(Number(box[1]))}" height="${Math.round(Number(box[2]))}"` : "";
  return `<figure class="diagram drawn"><span class="picture"><img src="data:image/svg+xml;charset=utf-8,${esc(encodeURIComponent(svg))}"${size} alt="Diagram (its Mermaid source is below)"></span><details><summary>Diagram source</summary>${code}</details></figure>`;
}

function parser(imageBase: string | null, diagrams: Record<string, string>): Marked {
  return new Marked({
    gfm: true,
    async: false,
    renderer: {
      html: (token: Tokens.HTML | Tokens.Tag) => esc(token.text),
      link(token: Tokens.Link) {
        const text = this.parser.parseInline(token.tokens);
        return isSafeLinkUrl(token.href) ? `<a href="${esc(token.href)}" rel="noopener noreferrer nofollow ugc">${text}</a>` : text;
      },
      image(token: Tokens.Image) {
        if (!isSafeImageUrl(token.href)) return esc(token.text);
        return `<img src="${esc(publicImageUrl(token.href, imageBase))}" alt="${esc(token.text)}" loading="lazy">`;
      },
      code(token: Tokens.Code) {
        if (token.lang === "mermaid") return diagramHtml(token.text, diagrams[diagramKey(token.text)]);
        return `<pre><code${token.lang ? ` class="language-${esc(token.lang)}"` : ""}>${esc(token.text)}</code></pre>`;
      },
    },
  });
}
