/** Links may point to the web or mail; images only to our own uploads or the web. Anything else (javascript:, data:) is dropped. */
export function isSafeLinkUrl(url: string): boolean {
  return /^(https?:\/\/|mailto:|\/(?!\/)|#)/i.test(url.trim());
}

export function isSafeImageUrl(url: string): boolean {
  return /^(https:\/\/|\/api\/uploads\/[A-Za-z0-9_-]+$)/i.test(url.trim());
}
