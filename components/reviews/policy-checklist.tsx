import type { CheckItem } from "@/lib/reviews/evaluate";

/** The sign-off policy as a checklist on the current content: "2 of 2 approvals ✓, commander ✓". */
export function PolicyChecklist({ checklist }: { checklist: CheckItem[] }) {
  return (
    <ul className="space-y-1 text-sm" aria-label="Sign-off policy">
      {checklist.map((item) => (
        <li key={item.label} className="flex items-center gap-2">
          <span aria-hidden="true" className={item.met ? "text-emerald-600" : "text-zinc-400"}>{item.met ? "✓" : "○"}</span>
          <span>{item.label}</span>
          <span className="sr-only">{item.met ? "(met)" : "(not yet)"}</span>
        </li>
      ))}
    </ul>
  );
}
