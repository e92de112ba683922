"use client";

import { useEffect } from "react";

/** A printed page has no disclosure to click: open every table view before printing. */
export function PrintOpensTables() {
  useEffect(() => {
    const open = () => document.querySelectorAll<HTMLDetailsElement>(".insights-panel details").forEach((d) => (d.open = true));
    window.addEventListener("beforeprint", open);
    return () => window.removeEventListener("beforeprint", open);
  }, []);
  return null;
}
