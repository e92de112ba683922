const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text or attribute value made safe for HTML. */
export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A tagged template whose interpolations are escaped unless they are already-built HTML (`raw`). */
export type Html = { readonly html: string };
export const raw = (html: string): Html => ({ html });

export function html(strings: TemplateStringsArray, ...values: (string | number | Html | null | undefined | false | (string | Html | null)[])[]): Html {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    const parts = Array.isArray(value) ? value : [value];
    for (const part of parts) {
      if (part === null || part === undefined || part === false) continue;
      out += typeof part === "object" ? part.html : esc(part);
    }
    out += strings[i + 1] ?? "";
  });
  return { html: out };
}
