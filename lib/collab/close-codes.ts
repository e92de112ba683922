/** Close codes the browser editor explains to the user (4000–4999 are free for applications). */
export const CLOSE_TOO_LARGE = { code: 4413, reason: "Change too large" } as const;
export const CLOSE_ACCESS_CHANGED = { code: 4403, reason: "Access changed" } as const;
/** The database could not be asked who may open the document: the editor reconnects on its own (RFC 6455 "Try Again Later"). */
export const CLOSE_TRY_LATER = { code: 1013, reason: "Database unreachable" } as const;
