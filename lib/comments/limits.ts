/** Bounds that keep the page fast on a heavily discussed document; the panel says when more exist. */
export const OPEN_THREAD_LIMIT = 200;
export const RESOLVED_THREAD_LIMIT = 50;
export const COMMENTS_PER_THREAD = 100;
