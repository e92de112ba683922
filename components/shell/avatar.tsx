const palette = ["bg-rose-600", "bg-amber-600", "bg-emerald-600", "bg-sky-600", "bg-violet-600", "bg-fuchsia-600", "bg-teal-600", "bg-indigo-600"];

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
