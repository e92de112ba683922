"use client";

import { useEffect, useState } from "react";
import { drawMermaid, keepDiagram } from "@/components/postmortems/editor/draw-mermaid";
import { useDiagramKeeper } from "@/components/postmortems/editor/diagram-keeper";

type Rendered = { svg: string } | { error: string } | null;

const KEEP_AFTER_MS = 2_000;

const prefersDark = () =>
  document.documentElement.classList.contains("dark") || (!document.documentElement.classList.contains("light") && matchMedia("(prefers-color-scheme: dark)").matches);

/**
 * Renders Mermaid source to a picture (an <img> of the SVG, so nothing in it can run). In the
 * editor, a diagram that stays unchanged for a moment is also kept for the public page.
 */
export function MermaidPreview({ source }: { source: string }) {
  const [rendered, setRendered] = useState<Rendered>(null);
  const keepUrl = useDiagramKeeper();

  useEffect(() => {
    let cancelled = false;
    let keepTimer: ReturnType<typeof setTimeout> | undefined;
    const timer = setTimeout(async () => {
      if (!source.trim()) {
        setRendered({ error: "Write a Mermaid diagram, e.g. “graph LR; Alert --> Triage --> Fix”." });
        return;
      }
      try {
        const dark = prefersDark();
        const svg = await drawMermaid(source, dark ? "dark" : "default");
        if (cancelled) return;
        setRendered({ svg });
        if (keepUrl) keepTimer = setTimeout(() => void keepDiagram(keepUrl, source, dark ? null : svg).catch(() => undefined), KEEP_AFTER_MS);
      } catch (error) {
        if (!cancelled) setRendered({ error: error instanceof Error ? error.message.split("\n").slice(0, 3).join(" ") : "This diagram could not be drawn." });
      }
    }, 300);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      clearTimeout(keepTimer);
    };
  }, [source, keepUrl]);

  if (!rendered) return <p className="text-xs text-zinc-600 dark:text-zinc-400">Drawing the diagram…</p>;
  if ("error" in rendered) return <p role="status" className="text-xs text-amber-700 dark:text-amber-300">{rendered.error}</p>;
  return (
    // eslint-disable-next-line @next/next/no-img-element -- a data: URL of a generated SVG; next/image adds nothing here
    <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(rendered.svg)}`} alt={`Diagram: ${source.slice(0, 120)}`} className="mx-auto max-h-[32rem] max-w-full" data-testid="mermaid-diagram" />
  );
}
