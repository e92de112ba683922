type HeaderBag = Record<string, string | string[] | undefined>;

/**
 * The nearest hop's view of the client: the right-most X-Forwarded-For entry (Next.js fills
 * the header from the socket when no proxy set it). Behind a proxy that appends, that entry is
 * the address the proxy saw.
 */
export function clientIp(headers: HeaderBag): string {
  const raw = headers["x-forwarded-for"] ?? headers["x-real-ip"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  const last = value?.split(",").map((s) => s.trim()).filter(Boolean).pop();
  return last ?? "unknown";
}
