/**
 * A URL as a browser will read it: tabs and newlines anywhere are ignored, and leading or
 * trailing spaces and control characters are dropped (WHATWG URL parsing does the same).
 */
function normalise(url: string): string {
  return url.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");
}

/**
 * The one link rule for the editor and every rendering: the web, mail, same-page anchors and
 * same-site paths. A path starting with `//` or `/\` is another host to a browser, so it is refused,
 * like javascript:, data: and relative paths whose meaning depends on the page.
 */
export function safeLinkHref(url: string): string | null {
  const href = normalise(url);
  return /^(https?:\/\/|mailto:|\/(?![/\\])|#)/i.test(href) ? href : null;
}

/** Images only from the web over https or from our own uploads. */
export function safeImageSrc(url: string): string | null {
  const src = normalise(url);
  return /^(https:\/\/|\/api\/uploads\/[A-Za-z0-9_-]+$)/i.test(src) ? src : null;
}

export const isSafeLinkUrl = (url: string): boolean => safeLinkHref(url) !== null;
export const isSafeImageUrl = (url: string): boolean => safeImageSrc(url) !== null;
