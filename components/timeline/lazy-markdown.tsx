"use client";

import { lazy, Suspense } from "react";

// Only events that arrive live or load on demand are rendered in the browser; the page's own events
// come rendered from the server, so the Markdown code is fetched the first time it is needed.
const Markdown = lazy(() => import("@/components/markdown/markdown").then((m) => ({ default: m.Markdown })));

/** The same <Markdown> the server renders, loaded on first use; plain text until it is there. */
export function LazyMarkdown({ children }: { children: string }) {
  return (
    <Suspense fallback={<p className="whitespace-pre-wrap">{children}</p>}>
      <Markdown>{children}</Markdown>
    </Suspense>
  );
}
