/**
 * The colours people appear in (carets and avatars); the server allows no other. Avatars print the
 * initials in white on these, so each keeps at least 4.5:1 against white (WCAG AA, small text).
 */
export const PRESENCE_COLORS = ["#be123c", "#1d4ed8", "#047857", "#b45309", "#6d28d9", "#0e7490", "#a21caf", "#4d7c0f"] as const;

/** A stable colour per person, so a collaborator's caret keeps its colour across sessions. */
export function colorFor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return PRESENCE_COLORS[Math.abs(hash) % PRESENCE_COLORS.length] ?? PRESENCE_COLORS[0];
}
