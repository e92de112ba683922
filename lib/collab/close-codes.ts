/** Close codes the browser editor explains to the user (4000–4999 are free for applications). */
export const CLOSE_TOO_LARGE = { code: 4413, reason: "Change too large" } as const;
export const CLOSE_ACCESS_CHANGED = { code: 4403, reason: "Access changed" } as const;
