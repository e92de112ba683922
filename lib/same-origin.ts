import { AppError } from "@/lib/errors";

/**
 * Writes must come from our own pages: the Origin must name this host. A missing or `null` Origin
 * (sandboxed frames, some privacy tools, forged posts) or one that does not parse is refused too.
 */
export function assertSameOrigin(headers: Headers): void {
  const origin = headers.get("origin");
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = origin && origin !== "null" ? new URL(origin).host : null;
  } catch {
    originHost = null;
  }
  if (!originHost || !host || originHost !== host) throw new AppError("FORBIDDEN", "This request did not come from Hindsight.");
}
