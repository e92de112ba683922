"use client";

import { useEffect, useState } from "react";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { PRESENCE_COLORS } from "@/lib/collab/presence-colors";

type Present = { clientId: number; name: string; color: string };

/** Everyone with the document open right now, as coloured initials matching their carets. */
export function Presence({ provider, selfClientId }: { provider: HocuspocusProvider; selfClientId: number }) {
  const [people, setPeople] = useState<Present[]>([]);

  useEffect(() => {
    const awareness = provider.awareness;
    if (!awareness) return;
    const read = () => {
      const list: Present[] = [];
      awareness.getStates().forEach((state, clientId) => {
        const user: unknown = state.user;
        // The server rewrites everyone's name and colour; a colour outside the palette is not drawn all the same.
        if (typeof user === "object" && user !== null && "name" in user && "color" in user && typeof user.name === "string" && typeof user.color === "string") {
          const color = (PRESENCE_COLORS as readonly string[]).includes(user.color) ? user.color : PRESENCE_COLORS[0];
          list.push({ clientId, name: user.name, color });
        }
      });
      setPeople(list.sort((a, b) => Number(b.clientId === selfClientId) - Number(a.clientId === selfClientId) || a.name.localeCompare(b.name)));
    };
    read();
    awareness.on("change", read);
    return () => awareness.off("change", read);
  }, [provider, selfClientId]);

  if (people.length === 0) return null;
  return (
    <ul aria-label="People in this document" className="flex -space-x-1.5">
      {people.slice(0, 8).map((person) => (
        <li key={person.clientId} title={person.clientId === selfClientId ? `${person.name} (you)` : person.name}>
          <span
            className="flex size-7 items-center justify-center rounded-full text-xs font-semibold text-white ring-2 ring-white dark:ring-zinc-900"
            style={{ backgroundColor: person.color }}
          >
            {person.name.split(/\s+/).map((part) => part[0]).join("").slice(0, 2).toUpperCase()}
          </span>
          <span className="sr-only">{person.clientId === selfClientId ? `${person.name} (you)` : person.name}</span>
        </li>
      ))}
      {people.length > 8 && <li className="flex size-7 items-center justify-center rounded-full bg-zinc-200 text-xs dark:bg-zinc-700">+{people.length - 8}</li>}
    </ul>
  );
}
