/** Only same-site paths: "/t/acme" yes; "//evil.com", "https://evil.com", "/\\evil" no. */
export function safeCallbackPath(raw: unknown, fallback = "/"): string {
  if (typeof raw !== "string" || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return fallback;
  try {
    const url = new URL(raw, "http://hindsight.invalid");
    return url.origin === "http://hindsight.invalid" ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}
