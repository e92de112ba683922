/**
 * A team's accent colour on its public pages: used for links and text, so it must read at 4.5:1
 * (WCAG AA) on the light page; the dark page gets the same hue lightened until it reads there too.
 */
export const PAGE_LIGHT = ["#fbfbfa", "#ffffff"] as const;
export const PAGE_DARK = ["#111114", "#18181c"] as const;
export const MIN_CONTRAST = 4.5;

type Rgb = [number, number, number];

export function parseHex(text: string): Rgb | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text.trim());
  if (!m?.[1]) return null;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

export const toHex = (rgb: Rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;

function luminance([r, g, b]: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const worst = (color: Rgb, backgrounds: readonly string[]) => Math.min(...backgrounds.map((bg) => contrast(color, parseHex(bg)!)));
const mix = (color: Rgb, toward: number, amount: number): Rgb => color.map((c) => c + (toward - c) * amount) as Rgb;

/** The colour moved toward black (light page) or white (dark page) in small steps until it reads there. */
function readableOn(color: Rgb, backgrounds: readonly string[], toward: number): Rgb {
  for (let step = 0; step <= 20; step++) {
    const candidate = mix(color, toward, step / 20);
    if (worst(candidate, backgrounds) >= MIN_CONTRAST) return candidate.map(Math.round) as Rgb;
  }
  return [toward, toward, toward];
}

export type AccentCheck = { ok: true; accent: string } | { ok: false; message: string };

/** Whether a chosen colour can be the accent; when it is too light, says by how much and offers a darker shade. */
export function checkAccent(text: string): AccentCheck {
  const rgb = parseHex(text);
  if (!rgb) return { ok: false, message: "Enter a colour as #rrggbb, like #4338ca." };
  const ratio = worst(rgb, PAGE_LIGHT);
  if (ratio < MIN_CONTRAST) {
    return { ok: false, message: `Too light to read on the page: ${ratio.toFixed(1)}:1, and text needs ${MIN_CONTRAST}:1. A darker shade such as ${toHex(readableOn(rgb, PAGE_LIGHT, 0))} works.` };
  }
  return { ok: true, accent: toHex(rgb) };
}

/** The accent for the dark page: the same hue, lightened until it reads at 4.5:1. */
export const darkAccent = (accent: string) => toHex(readableOn(parseHex(accent) ?? [67, 56, 202], PAGE_DARK, 255));

/** Where a public page finds its team's accent (app/p-accent/[file]/route.ts). */
export const accentStylesheetPath = (accent: string) => `/p-accent/${accent.slice(1)}.css`;

/** The stylesheet for `<rrggbb>.css`, or null for a name that is not an acceptable accent. */
export function accentStylesheet(file: string): string | null {
  const m = /^([0-9a-f]{6})\.css$/.exec(file);
  const check = m ? checkAccent(`#${m[1]}`) : null;
  if (!check?.ok) return null;
  return `:root{--accent:${check.accent}}@media (prefers-color-scheme:dark){:root{--accent:${darkAccent(check.accent)}}}\n`;
}
