"use client";

import type { SessionState } from "@/components/postmortems/editor/use-collab-session";
import { cx } from "@/components/ui/cx";

/**
 * Says plainly whether what you typed is safe: saved (stored in the database), sent but not yet
 * stored, being sent, or kept in this browser until the connection returns.
 */
export function ConnectionStatus({ state }: { state: SessionState }) {
  const { connection, unsynced, loaded, stopped, stored, storeFailing } = state;
  let tone = "bg-emerald-500";
  let text = "All changes saved";
  if (stopped) {
    tone = "bg-red-500";
    text = "Editing stopped";
  } else if (connection === "offline") {
    tone = "bg-amber-500";
    text = unsynced > 0 ? "Offline — unsaved changes are kept in this browser and sync when you reconnect" : "Offline — reconnecting…";
  } else if (!loaded || connection === "connecting") {
    tone = "bg-zinc-400";
    text = "Connecting…";
  } else if (unsynced > 0) {
    tone = "bg-sky-500";
    text = "Saving…";
  } else if (storeFailing) {
    tone = "bg-amber-500";
    text = "Sent, not yet stored — the server is retrying; keep this tab open";
  } else if (!stored) {
    tone = "bg-sky-500";
    text = "Sent, not yet stored";
  }
  return (
    <p role="status" aria-live="polite" className="flex items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400" data-connection={stopped ? "stopped" : connection} data-unsynced={unsynced} data-stored={stored}>
      <span aria-hidden="true" className={cx("inline-block size-2 rounded-full", tone)} />
      {text}
    </p>
  );
}
