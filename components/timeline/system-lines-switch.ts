"use client";

import { useSyncExternalStore } from "react";

const KEY = "hindsight:timeline:hide-system-lines";
const CHANGED = "hindsight:hide-system-lines";

/** This page's choice, for browsers that refuse storage (private windows). */
let chosen: boolean | null = null;

const read = () => {
  if (chosen !== null) return chosen;
  try {
    return window.localStorage.getItem(KEY) === "1";
  } catch {
    return false;
  }
};

function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

/** Whether this reader hides Hindsight's own lines on timelines; remembered in this browser, shown on the server. */
export function useHideSystemLines(): [boolean, (hide: boolean) => void] {
  const hide = useSyncExternalStore(subscribe, read, () => false);
  const set = (next: boolean) => {
    chosen = next;
    try {
      window.localStorage.setItem(KEY, next ? "1" : "0");
    } catch {
      // Refused storage: the choice lasts while this page is open.
    }
    window.dispatchEvent(new Event(CHANGED));
  };
  return [hide, set];
}
