/** The HMAC signature header: `sha256=<hex HMAC-SHA256 of the raw body>`. Shared with the browser, so no secrets code here. */
export const SIGNATURE_HEADER = "x-hindsight-signature";
