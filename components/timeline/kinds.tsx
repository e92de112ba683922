import type { TimelineKind } from "@/lib/generated/prisma/enums";

type KindStyle = { label: string; dot: string; text: string; icon: React.ReactNode };

const stroke = { fill: "none", stroke: "currentColor", strokeWidth: 2, strokeLinecap: "round", strokeLinejoin: "round" } as const;

/** Each kind of timeline event has its own colour and icon, so a timeline can be read at a glance. */
export const KIND_STYLE: Record<TimelineKind, KindStyle> = {
  DETECTION: { label: "Detection", dot: "bg-rose-600", text: "text-rose-700 dark:text-rose-300", icon: <path {...stroke} d="M12 3v4M12 17v4M3 12h4M17 12h4M12 12h.01" /> },
  ACTION: { label: "Action", dot: "bg-blue-600", text: "text-blue-700 dark:text-blue-300", icon: <path {...stroke} d="M13 3 5 14h6l-1 7 8-11h-6l1-7z" /> },
  INVESTIGATION: { label: "Investigation", dot: "bg-violet-600", text: "text-violet-700 dark:text-violet-300", icon: <path {...stroke} d="M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM21 21l-5-5" /> },
  DEAD_END: { label: "Dead end", dot: "bg-zinc-500", text: "text-zinc-600 dark:text-zinc-300", icon: <path {...stroke} d="M6 6l12 12M18 6 6 18" /> },
  ESCALATION: { label: "Escalation", dot: "bg-orange-500", text: "text-orange-700 dark:text-orange-300", icon: <path {...stroke} d="M12 19V5M5 12l7-7 7 7" /> },
  MITIGATION: { label: "Mitigation", dot: "bg-sky-600", text: "text-sky-700 dark:text-sky-300", icon: <path {...stroke} d="M12 3l8 4v5c0 5-3.5 8-8 9-4.5-1-8-4-8-9V7l8-4z" /> },
  RESOLUTION: { label: "Resolution", dot: "bg-emerald-600", text: "text-emerald-700 dark:text-emerald-300", icon: <path {...stroke} d="M5 12l5 5 9-10" /> },
  COMMUNICATION: { label: "Communication", dot: "bg-teal-600", text: "text-teal-700 dark:text-teal-300", icon: <path {...stroke} d="M4 5h16v11H8l-4 4V5z" /> },
  NOTE: { label: "Note", dot: "bg-amber-500", text: "text-amber-700 dark:text-amber-300", icon: <path {...stroke} d="M5 4h14v16H5zM9 9h6M9 13h6" /> },
  UPDATE: { label: "Update", dot: "bg-zinc-400", text: "text-zinc-600 dark:text-zinc-400", icon: <path {...stroke} d="M4 12a8 8 0 0 1 14-5l2 2M20 12a8 8 0 0 1-14 5l-2-2M20 4v5h-5M4 20v-5h5" /> },
};

export function KindIcon({ kind, className }: { kind: TimelineKind; className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className={className ?? "size-3.5"}>
      {KIND_STYLE[kind].icon}
    </svg>
  );
}
