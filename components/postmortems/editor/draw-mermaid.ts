export type MermaidTheme = "default" | "dark";

let queue: Promise<unknown> = Promise.resolve();
let drawn = 0;

/**
 * Draws Mermaid source to SVG. Mermaid keeps its settings globally, so diagrams are drawn one at a
 * time and each with its own theme; Mermaid itself loads only when the first diagram is drawn.
 */
export function drawMermaid(source: string, theme: MermaidTheme): Promise<string> {
  const run = queue.then(async () => {
    const { default: mermaid } = await import("mermaid");
    mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme, htmlLabels: false, flowchart: { htmlLabels: false } });
    const { svg } = await mermaid.render(`mermaid-drawing-${++drawn}`, source);
    return svg;
  });
  queue = run.catch(() => undefined);
  return run;
}

const kept = new Set<string>();

/**
 * Sends the light-theme picture of a diagram to the server once per source, so the public page can
 * show it. Best effort: a diagram that was not kept is published as its source, and the publish
 * page says so.
 */
export async function keepDiagram(url: string, source: string, lightSvg: string | null): Promise<void> {
  const key = `${url}\n${source}`;
  if (kept.has(key)) return;
  const svg = lightSvg ?? (await drawMermaid(source, "default"));
  const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ source, svg }) });
  if (response.ok) kept.add(key);
}
