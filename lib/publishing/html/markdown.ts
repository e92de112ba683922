import { renderMarkdown } from "@/lib/markdown/render";
import { esc } from "@/lib/publishing/html/escape";
import { diagramKey } from "@/lib/postmortems/diagram-key";

/**
 * Markdown to HTML for public pages, through the app's one pipeline (lib/markdown/render). Only
 * two things differ, both outside the text's meaning: uploads are served under the edition's own
 * path, and a Mermaid diagram is shown as the picture the editor drew (an <img>, where SVG cannot
 * run anything) with its source folded away, or as its source alone.
 */
export function markdownToHtml(source: string, imageBase: string | null, diagrams: Record<string, string> = {}): string {
  return renderMarkdown(source, { imageBase, diagram: (code) => diagramHtml(code, diagrams[diagramKey(code)]) });
}

function diagramHtml(source: string, svg: string | undefined): string {
  const code = `<pre><code>${esc(source)}</code></pre>`;
  if (!svg) return `<figure class="diagram">${code}<figcaption>Diagram (Mermaid source)</figcaption></figure>`;
  // The picture's own proportions, so the page does not shift when it is decoded.
  const box = /viewBox="[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)"/.exec(svg);
  const size = box ? ` width="${Math.round(Number(box[1]))}" height="${Math.round(Number(box[2]))}"` : "";
  return `<figure class="diagram drawn"><span class="picture"><img src="data:image/svg+xml;charset=utf-8,${esc(encodeURIComponent(svg))}"${size} alt="Diagram (its Mermaid source is below)"></span><details><summary>Diagram source</summary>${code}</details></figure>`;
}
