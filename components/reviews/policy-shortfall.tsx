import Link from "next/link";
import type { Shortfall } from "@/lib/reviews/shortfall";

/**
 * What the sign-off still needs, in terms of people. When the team cannot meet its policy at all,
 * says so plainly, and points admins to the policy.
 */
export function PolicyShortfall({ shortfall, settingsHref }: { shortfall: Shortfall; settingsHref: string | null }) {
  if (shortfall.messages.length === 0) return null;
  return (
    <div
      role="status"
      className={
        shortfall.possible
          ? "rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-800 ring-1 ring-sky-200 ring-inset dark:bg-sky-950/50 dark:text-sky-200 dark:ring-sky-900"
          : "rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-300 ring-inset dark:bg-amber-950/50 dark:text-amber-100 dark:ring-amber-800"
      }
    >
      {!shortfall.possible && <p className="font-medium">The sign-off policy cannot be met by this team as it is.</p>}
      <ul className="mt-1 space-y-1" aria-label="What sign-off still needs">
        {shortfall.messages.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
      {!shortfall.possible &&
        (settingsHref ? (
          <p className="mt-1">
            <Link href={settingsHref} className="font-medium underline">Change it in Settings → Sign-off policy</Link>, or invite more reviewers.
          </p>
        ) : (
          <p className="mt-1">Ask an admin to change the sign-off policy or invite more reviewers.</p>
        ))}
    </div>
  );
}
