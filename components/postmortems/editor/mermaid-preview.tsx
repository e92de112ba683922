"use client";

import { useEffect, useId, useState } from "react";

type Rendered = { svg: string } | { error: string } | null;

/** Renders Mermaid source to a picture (an <img> of the SVG, so nothing in it can run). Mermaid loads only when a diagram is shown. */
export function MermaidPreview({ source }: { source: string }) {
  const id = useId().replace(/[^a-zA-Z0-9]/g, "");
  const [rendered, setRendered] = useState<Rendered>(null);

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(async () => {
      if (!source.trim()) {
        setRendered({ error: "Write a Mermaid diagram, e.g. “graph LR; Alert --> Triage --> Fix”." });
        return;
      }
      try {
        const { default: mermaid } = await import("mermaid");
        const dark = document.documentElement.classList.contains("dark") || (!document.documentElement.classList.contains("light") && matchMedia("(prefers-color-scheme: dark)").matches);
        mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: dark ? "dark" : "default", htmlLabels: false, flowchart: { htmlLabels: false } });
        const { svg } = await mermaid.render(`mermaid-${id}-${Date.now()}`, source);
        if (!cancelled) setRendered({ svg });
      } catch (error) {
        if (!cancelled) setRendered({ error: error instanceof Error ? error.message.split("\n").slice(0, 3).join(" ") : "This diagram could not be drawn." });
      }
    }, 300);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [source, id]);

  if (!rendered) return <p className="text-xs text-zinc-500">Drawing the diagram…</p>;
  if ("error" in rendered) return <p role="status" className="text-xs text-amber-700 dark:text-amber-300">{rendered.error}</p>;
  return (
    // eslint-disable-next-line @next/next/no-img-element -- a data: URL of a generated SVG; next/image adds nothing here
    <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(rendered.svg)}`} alt={`Diagram: ${source.slice(0, 120)}`} className="mx-auto max-h-[32rem] max-w-full" data-testid="mermaid-diagram" />
  );
}
