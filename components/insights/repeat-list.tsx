import Link from "next/link";
import { TASK_TYPE_LABEL } from "@/lib/tasks/labels";
import type { RepeatService } from "@/lib/insights/repeats";

const POSTMORTEM_LABEL = { DRAFT: "draft", IN_REVIEW: "in review", APPROVED: "approved", PUBLISHED: "published" } as const;

/** Each repeating service with its incidents (newest first, and their postmortems) and its open corrective tasks. */
export function RepeatList({ repeats, slugOf, names }: { repeats: RepeatService[]; slugOf: Record<string, string>; names: Record<string, string> }) {
  if (repeats.length === 0) {
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">No service had two incidents within 90 days in this period.</p>;
  }
  const multi = Object.keys(names).length > 1;
  return (
    <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
      {repeats.map((r) => {
        const slug = encodeURIComponent(slugOf[r.teamId] ?? "");
        return (
          <li key={r.serviceId} className="py-3">
            <p className="font-medium">
              {r.service}
              {multi && <span className="font-normal text-zinc-600 dark:text-zinc-400"> · {names[r.teamId]}</span>}
              <span className="ml-2 text-sm font-normal text-zinc-600 dark:text-zinc-400">{r.repeats} repeat{r.repeats === 1 ? "" : "s"}</span>
            </p>
            <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
              {r.incidents.map((i) => (
                <li key={i.number}>
                  <Link href={`/t/${slug}/incidents/${i.number}`} className="text-brand-700 hover:underline dark:text-brand-100" title={i.title}>
                    <span className="font-mono">INC-{i.number}</span> {i.severity}
                  </Link>
                  {i.postmortemStatus && (
                    <Link href={`/t/${slug}/incidents/${i.number}/postmortem`} className="ml-1 text-zinc-600 hover:underline dark:text-zinc-400">
                      (postmortem {POSTMORTEM_LABEL[i.postmortemStatus]})
                    </Link>
                  )}
                </li>
              ))}
            </ul>
            {r.openCorrective.length > 0 && (
              <ul className="mt-2 space-y-0.5 text-sm">
                {r.openCorrective.map((t) => (
                  <li key={t.id}>
                    <span className="text-zinc-600 dark:text-zinc-400">Open {TASK_TYPE_LABEL.CORRECTIVE.label.toLowerCase()}:</span>{" "}
                    <Link href={`/t/${slug}/tasks/${t.id}`} className="text-brand-700 hover:underline dark:text-brand-100">{t.title}</Link>
                    <span className="text-zinc-600 dark:text-zinc-400"> (INC-{t.number}{t.dueDate ? `, due ${t.dueDate}` : ""})</span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}
