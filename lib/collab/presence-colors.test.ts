import { describe, expect, it } from "vitest";
import { PRESENCE_COLORS } from "@/lib/collab/presence-colors";

/** WCAG 2 relative luminance of "#rrggbb". */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe("presence colours", () => {
  // Whoever a person's id hashes to, the initials on their avatar stay readable.
  it.each(PRESENCE_COLORS)("white initials on %s reach 4.5:1", (color) => {
    const contrast = (1 + 0.05) / (luminance(color) + 0.05);
    expect(contrast).toBeGreaterThanOrEqual(4.5);
  });
});
