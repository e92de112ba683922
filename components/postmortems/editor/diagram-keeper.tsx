"use client";

import { createContext, useContext } from "react";

/** Where the editor keeps the pictures of Mermaid diagrams it draws; null where the reader cannot edit. */
export const DiagramKeeperContext = createContext<string | null>(null);

export const useDiagramKeeper = () => useContext(DiagramKeeperContext);
