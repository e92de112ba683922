// 700 shades: white initials need 4.5:1 on every one of them.
const palette = ["bg-rose-700", "bg-amber-700", "bg-emerald-700", "bg-sky-700", "bg-violet-700", "bg-fuchsia-700", "bg-teal-700", "bg-indigo-700"];

function hash(text: string): number {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return Math.abs(h);
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters.map((p) => p?.[0]?.toUpperCase() ?? "").join("") || "?";
}

export function Avatar({ name, size = "md" }: { name: string; size?: "sm" | "md" }) {
  return (
    <span
      aria-hidden="true"
      className={`${palette[hash(name) % palette.length]} inline-flex shrink-0 items-center justify-center rounded-full font-semibold text-white ${size === "sm" ? "size-6 text-[10px]" : "size-8 text-xs"}`}
    >
      {initials(name)}
    </span>
  );
}
