/**
 * Bidirectional formatting characters (UAX #9): embeddings and overrides are closed by PDF,
 * isolates by PDI. An override left open in a title would reverse whatever a renderer puts after
 * it on the same line — "INC-12 · <title> · SEV1" in a list, a chat message, a mail subject —
 * so text is stored with every run it opens closed again at the end of its line.
 */
const OPENS_EMBEDDING = new Set(["\u202A", "\u202B", "\u202D", "\u202E"]);
const OPENS_ISOLATE = new Set(["\u2066", "\u2067", "\u2068"]);
const PDF = "\u202C";
const PDI = "\u2069";

/** Matches every bidi formatting character, for counting what readers see. */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

function closeLine(line: string): string {
  const open: ("embedding" | "isolate")[] = [];
  for (const char of line) {
    if (OPENS_EMBEDDING.has(char)) open.push("embedding");
    else if (OPENS_ISOLATE.has(char)) open.push("isolate");
    else if (char === PDF && open.at(-1) === "embedding") open.pop();
    else if (char === PDI && open.includes("isolate")) {
      // A PDI also closes every embedding opened inside its isolate.
      open.splice(open.lastIndexOf("isolate"));
    }
  }
  return line + open.reverse().map((kind) => (kind === "embedding" ? PDF : PDI)).join("");
}

/** The text with each line's open embeddings, overrides and isolates closed at its end; nothing visible changes. */
export function closeBidiRuns(text: string): string {
  if (!/[\u202A-\u202B\u202D-\u202E\u2066-\u2068]/.test(text)) return text;
  return text.split("\n").map(closeLine).join("\n");
}
