"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cx } from "@/components/ui/cx";

/** `overdue` is counted up to `overdueCap`; at the cap the badge says "99+" (for a cap of 100). */
export function TeamNav({ slug, overdue, overdueCap }: { slug: string; overdue: number; overdueCap: number }) {
  const overdueLabel = overdue >= overdueCap ? `${overdueCap - 1}+` : String(overdue);
  const pathname = usePathname();
  const items = [
    { href: `/t/${slug}/incidents`, label: "Incidents" },
    { href: `/t/${slug}/alerts`, label: "Alerts" },
    { href: `/t/${slug}/tasks`, label: "Tasks" },
    { href: `/t/${slug}/postmortems`, label: "Postmortems" },
    { href: `/t/${slug}/insights`, label: "Insights" },
    { href: `/t/${slug}/settings`, label: "Settings" },
  ];
  return (
    <nav aria-label="Team" className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
      <ul className="mx-auto flex max-w-7xl gap-1 overflow-x-auto px-3 sm:px-6">
        {items.map((item) => {
          const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cx(
                  "inline-flex h-11 items-center border-b-2 px-3 text-sm whitespace-nowrap",
                  active
                    ? "border-brand-600 font-medium text-zinc-900 dark:border-brand-500 dark:text-zinc-100"
                    : "border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100",
                )}
              >
                {item.label}
                {item.label === "Tasks" && overdue > 0 && (
                  <span className="ml-1.5 rounded-full bg-red-600 px-1.5 text-xs font-semibold text-white" aria-label={`${overdueLabel} overdue`} data-testid="overdue-count">
                    {overdueLabel}
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
