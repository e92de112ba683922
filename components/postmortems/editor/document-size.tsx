"use client";

import { useEffect, useState } from "react";
import * as Y from "yjs";
import { MAX_DOCUMENT_BYTES } from "@/lib/postmortems/limits";

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Once a document is a quarter of the way to its limit, says how big it is, so nobody meets the limit by surprise. */
export function DocumentSize({ doc }: { doc: Y.Doc }) {
  const [bytes, setBytes] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const measure = () => setBytes(Y.encodeStateAsUpdate(doc).byteLength);
    const onUpdate = () => {
      timer ??= setTimeout(() => {
        timer = null;
        measure();
      }, 2000);
    };
    measure();
    doc.on("update", onUpdate);
    return () => {
      doc.off("update", onUpdate);
      if (timer) clearTimeout(timer);
    };
  }, [doc]);
  if (bytes < MAX_DOCUMENT_BYTES / 4) return null;
  const near = bytes > MAX_DOCUMENT_BYTES * 0.8;
  return (
    <p className={near ? "text-xs font-medium text-amber-700 dark:text-amber-300" : "text-xs text-zinc-600 dark:text-zinc-400"}>
      Document size {mb(bytes)} of {mb(MAX_DOCUMENT_BYTES)}
      {near ? " — move large tables or logs to linked files" : ""}
    </p>
  );
}
