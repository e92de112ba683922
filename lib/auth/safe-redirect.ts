const PLACEHOLDER_ORIGIN = "http://hindsight.invalid";

/**
 * A same-origin path to send the user to after sign-in, decided on the URL as a browser would
 * parse it (tabs and newlines dropped, backslashes read as slashes, dot segments and encoded
 * dots resolved), never on the raw string. Anything on another origin gives `fallback`.
 * With `origin`, absolute URLs on that origin are accepted too (next-auth passes those).
 */
export function safeCallbackPath(raw: unknown, fallback = "/", origin = PLACEHOLDER_ORIGIN): string {
  if (typeof raw !== "string" || raw === "") return fallback;
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== new URL(origin).origin) return fallback;
  // "/.//evil.example" resolves to the path "//evil.example", which a browser reads as another
  // host when it is sent back as a Location: one leading slash keeps it a path on this site.
  return `${url.pathname.replace(/^\/+/, "/")}${url.search}${url.hash}`;
}

/** For next-auth's redirect callback: an absolute URL on `baseUrl`, whatever it was given. */
export function safeRedirectUrl(raw: string, baseUrl: string): string {
  return new URL(safeCallbackPath(raw, "/", baseUrl), baseUrl).toString();
}
