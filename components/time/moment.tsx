"use client";

import { useSyncExternalStore } from "react";
import { formatDateTime, formatDayKey, formatTime } from "@/lib/time/format";

const subscribe = () => () => {};
// Read once: React asks for the snapshot on every render of every Moment, and building a formatter
// to learn the zone is far dearer than the render itself (most of a busy timeline's hydration).
let zoneOfReader: string | undefined;
const readerZone = () => (zoneOfReader ??= Intl.DateTimeFormat().resolvedOptions().timeZone);
const serverZone = () => null;

/**
 * A moment in the incident's zone with its offset ("08:03 GMT+2"), and the reader's own time
 * alongside when their offset differs, with the date when it is another day for them. The
 * reader's zone is only known in the browser.
 */
export function Moment({ date, timeZone, withDate = false, className }: { date: Date | string; timeZone: string; withDate?: boolean; className?: string }) {
  const at = typeof date === "string" ? new Date(date) : date;
  const reader = useSyncExternalStore(subscribe, readerZone, serverZone);
  const format = withDate ? formatDateTime : formatTime;
  const primary = format(at, timeZone);
  const differs = reader !== null && formatTime(at, reader) !== formatTime(at, timeZone);
  return (
    <time dateTime={at.toISOString()} title={reader ? `Your time: ${formatDateTime(at, reader)}` : undefined} className={className}>
      {primary}
      {differs && <span className="ml-1 text-zinc-500 dark:text-zinc-400">({(formatDayKey(at, reader) !== formatDayKey(at, timeZone) ? formatDateTime : format)(at, reader)} yours)</span>}
    </time>
  );
}
