"use client";

import { useSyncExternalStore } from "react";
import type { EventData } from "@/lib/timeline/event-data";
import type { ChangesPayload, StreamStatus } from "@/lib/realtime/messages";

export type FeedState = {
  status: "connecting" | StreamStatus;
  /** Every event the stream delivered, latest version of each (deleted ones flagged). */
  events: ReadonlyMap<string, EventData>;
  /** The incident's edit version as last reported; the page re-reads its header when it moves. */
  factsVersion: number | null;
};

const RELOAD_KEY = "hindsight:live-reload";
const RELOAD_AGAIN_AFTER_MS = 60_000;

/** A viewer that fell too far behind reloads once; if it is still behind right after, it says so instead of looping. */
function reloadOnce(): boolean {
  const last = Number(sessionStorage.getItem(RELOAD_KEY) ?? 0);
  if (Date.now() - last < RELOAD_AGAIN_AFTER_MS) return false;
  sessionStorage.setItem(RELOAD_KEY, String(Date.now()));
  window.location.reload();
  return true;
}

/**
 * One EventSource per incident page, shared by the status badge and the timeline. The browser
 * reconnects by itself and sends the last cursor back (Last-Event-ID); if the server refused the
 * connection outright, it is reopened here with the cursor as `since`, backing off to 30 s.
 */
class LiveFeed {
  state: FeedState = { status: "connecting", events: new Map(), factsVersion: null };
  private listeners = new Set<() => void>();
  private source: EventSource | null = null;
  private cursor: string;
  private retryMs = 1000;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly url: string,
    readonly since: number,
  ) {
    this.cursor = String(since);
  }

  get idle(): boolean {
    return this.listeners.size === 0;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.open();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.close();
    };
  };

  private set(next: Partial<FeedState>): void {
    this.state = { ...this.state, ...next };
    this.listeners.forEach((listener) => listener());
  }

  private open(): void {
    const source = new EventSource(`${this.url}?since=${encodeURIComponent(this.cursor)}`);
    this.source = source;
    source.addEventListener("ready", () => {
      this.retryMs = 1000;
      this.set({ status: "live" });
    });
    source.addEventListener("status", (event) => this.set({ status: JSON.parse((event as MessageEvent<string>).data) as StreamStatus }));
    source.addEventListener("changes", (event) => this.merge(event as MessageEvent<string>));
    source.addEventListener("reload", () => {
      if (!reloadOnce()) this.set({ status: "reconnecting" });
    });
    source.addEventListener("revoked", () => {
      this.close();
      window.location.reload();
    });
    source.onerror = () => {
      this.set({ status: "reconnecting" });
      if (source.readyState !== EventSource.CLOSED) return;
      this.source = null;
      this.timer = setTimeout(() => this.open(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 30_000);
    };
  }

  private close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.source?.close();
    this.source = null;
  }

  private merge(event: MessageEvent<string>): void {
    if (event.lastEventId) this.cursor = event.lastEventId;
    const payload = JSON.parse(event.data) as ChangesPayload;
    const events = new Map(this.state.events);
    for (const e of payload.events) {
      const known = events.get(e.id);
      if (!known || Date.parse(known.updatedAt) <= Date.parse(e.updatedAt)) events.set(e.id, e);
    }
    this.set({ events, factsVersion: payload.facts?.version ?? this.state.factsVersion });
  }
}

const feeds = new Map<string, LiveFeed>();

function feedFor(url: string, since: number): LiveFeed {
  let feed = feeds.get(url);
  // A page opened afresh resumes from its own data, not from a visit long ago.
  if (!feed || (feed.idle && feed.since < since)) feeds.set(url, (feed = new LiveFeed(url, since)));
  return feed;
}

const SERVER_STATE: FeedState = { status: "connecting", events: new Map(), factsVersion: null };

/** The incident's live stream as React state; `since` (ms) is when the page's data was read. */
export function useLiveFeed(url: string, since: number): FeedState {
  const feed = feedFor(url, since);
  return useSyncExternalStore(
    feed.subscribe,
    () => feed.state,
    () => SERVER_STATE,
  );
}
