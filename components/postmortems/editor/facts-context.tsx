"use client";

import { createContext, useContext } from "react";
import type { PostmortemFacts } from "@/lib/postmortems/facts";

/** The incident's facts, refreshed by the page whenever the incident changes; live blocks read them from here. */
export const FactsContext = createContext<{ facts: PostmortemFacts; incidentHref: string } | null>(null);

export function useFacts() {
  const value = useContext(FactsContext);
  if (!value) throw new Error("Live blocks render inside a FactsContext provider.");
  return value;
}
