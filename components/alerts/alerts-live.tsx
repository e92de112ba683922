"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";

const REFRESH_AFTER_MS = 300;

/** Re-reads the page when the team's alerts change (server-sent "changed" events), a burst at a time. `since`: the render time. */
export function AlertsLive({ url, since }: { url: string; since: number }) {
  const router = useRouter();
  // Only the first render's time: later refreshes are already caught up by the open stream.
  const [firstSince] = useState(since);
  const [live, setLive] = useState(false);
  useEffect(() => {
    const source = new EventSource(`${url}?since=${firstSince}`);
    let timer: ReturnType<typeof setTimeout> | null = null;
    source.addEventListener("ready", () => setLive(true));
    source.addEventListener("changed", () => {
      timer ??= setTimeout(() => {
        timer = null;
        router.refresh();
      }, REFRESH_AFTER_MS);
    });
    source.onerror = () => setLive(false);
    return () => {
      if (timer) clearTimeout(timer);
      source.close();
    };
  }, [url, firstSince, router]);
  return (
    <span role="status" className="text-xs text-zinc-600 dark:text-zinc-400">
      {live ? "Live" : "Connecting…"}
    </span>
  );
}
