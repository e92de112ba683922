"use client";

import { useLiveFeed } from "@/components/timeline/live-feed";

/** "Connecting…" until the incident's stream first answers, "Live" while it delivers changes, "Reconnecting…" while it cannot. */
export function LiveStatus({ url, since }: { url: string; since: number }) {
  const { status } = useLiveFeed(url, since);
  const live = status === "live";
  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400" role="status" data-live={live ? "on" : "off"}>
      <span aria-hidden="true" className={live ? "size-2 rounded-full bg-emerald-500" : "size-2 rounded-full bg-zinc-400"} />
      {live ? "Live" : status === "connecting" ? "Connecting…" : "Reconnecting…"}
    </span>
  );
}
