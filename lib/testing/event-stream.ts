/** A server-sent event stream read as text, as a browser's EventSource would receive it. */
export type OpenStream = {
  status: number;
  received(): string;
  ended(): boolean;
  close(): void;
};

export async function openEventStream(url: string, headers: Record<string, string> = {}): Promise<OpenStream> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { Accept: "text/event-stream", ...headers }, signal: abort.signal });
  let text = "";
  let ended = false;
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    try {
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) break;
        text += decoder.decode(chunk.value, { stream: true });
      }
    } catch {
      // Aborted, or the connection was cut: either way the stream is over.
    }
    ended = true;
  })();
  return { status: response.status, received: () => text, ended: () => ended, close: () => abort.abort() };
}
