"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";

/** How long after typing or submitting in a field a stray key on the page is still typing. */
const TYPING_GRACE_MS = 1500;

const isTextEntry = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

/**
 * Press D on the page (nothing focused) to declare an incident. A D typed by someone who was
 * writing a moment ago — focus can fall to the page while a form re-renders after Enter — is
 * their text, not a command: it never navigates away.
 */
export function DeclareShortcut({ href }: { href: string }) {
  const router = useRouter();
  useEffect(() => {
    let lastTyping = -Infinity;
    const typed = (event: Event) => {
      if (event.type === "submit" || isTextEntry(event.target)) lastTyping = performance.now();
    };
    function onKey(event: KeyboardEvent) {
      typed(event);
      if (event.key !== "d" && event.key !== "D") return;
      if (event.metaKey || event.ctrlKey || event.altKey || event.defaultPrevented || event.repeat) return;
      const target = event.target;
      if (target !== document.body && target !== document.documentElement) return;
      if (performance.now() - lastTyping < TYPING_GRACE_MS) return;
      event.preventDefault();
      router.push(href);
    }
    // Capture phase: a field's own handlers may submit the form and re-render before bubbling.
    window.addEventListener("keydown", onKey, true);
    window.addEventListener("input", typed, true);
    window.addEventListener("submit", typed, true);
    window.addEventListener("focusout", typed, true);
    return () => {
      window.removeEventListener("keydown", onKey, true);
      window.removeEventListener("input", typed, true);
      window.removeEventListener("submit", typed, true);
      window.removeEventListener("focusout", typed, true);
    };
  }, [href, router]);
  return null;
}
