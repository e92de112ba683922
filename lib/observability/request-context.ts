import { AsyncLocalStorage } from "node:async_hooks";

/** What every log line of one request carries. `userId` is filled in once the session is read. */
export type RequestContext = { reqId: string; userId?: string };

// On globalThis: the server entry (loaded by tsx) and Next.js's bundle each get their own copy of
// this module, and both must see the same store.
const globalForContext = globalThis as unknown as { hindsightRequestContext?: AsyncLocalStorage<RequestContext> };

export function requestContext(): AsyncLocalStorage<RequestContext> {
  globalForContext.hindsightRequestContext ??= new AsyncLocalStorage<RequestContext>();
  return globalForContext.hindsightRequestContext;
}

/** Records who is making the current request, for its log lines; a no-op outside a request. */
export function noteUser(userId: string): void {
  const store = requestContext().getStore();
  if (store) store.userId = userId;
}
