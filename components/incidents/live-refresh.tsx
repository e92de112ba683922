"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";

/**
 * Follows the incident's event stream and re-renders the page when anyone changes it. Bursts are
 * coalesced, and a change that arrives while a refresh is already running triggers one more
 * afterwards, so the last change is never lost behind an earlier refresh.
 */
export function LiveRefresh({ url }: { url: string }) {
  const router = useRouter();
  const [connected, setConnected] = useState(false);
  const [everConnected, setEverConnected] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const busy = useRef(false);
  const missed = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const refresh = () => {
      if (timer.current) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        if (busy.current) missed.current = true;
        else startRefresh(() => router.refresh());
      }, 100);
    };
    const source = new EventSource(url);
    source.addEventListener("ready", () => {
      setConnected(true);
      setEverConnected(true);
    });
    source.addEventListener("changes", refresh);
    source.addEventListener("revoked", () => {
      source.close();
      router.refresh();
    });
    source.onerror = () => setConnected(false);
    return () => {
      source.close();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [url, router]);

  useEffect(() => {
    busy.current = refreshing;
    if (!refreshing && missed.current) {
      missed.current = false;
      startRefresh(() => router.refresh());
    }
  }, [refreshing, router]);

  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400" role="status" data-live={connected ? "on" : "off"}>
      <span aria-hidden="true" className={connected ? "size-2 rounded-full bg-emerald-500" : "size-2 rounded-full bg-zinc-400"} />
      {connected ? "Live" : everConnected ? "Reconnecting…" : "Connecting…"}
    </span>
  );
}
