/** The colours people appear in (carets and avatars); the server allows no other. */
export const PRESENCE_COLORS = ["#e11d48", "#2563eb", "#059669", "#d97706", "#7c3aed", "#0891b2", "#c026d3", "#65a30d"] as const;

/** A stable colour per person, so a collaborator's caret keeps its colour across sessions. */
export function colorFor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return PRESENCE_COLORS[Math.abs(hash) % PRESENCE_COLORS.length] ?? PRESENCE_COLORS[0];
}
