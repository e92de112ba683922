"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cx } from "@/components/ui/cx";

export function SettingsNav({ slug, showAudit }: { slug: string; showAudit: boolean }) {
  const pathname = usePathname();
  const items = [
    { href: `/t/${slug}/settings`, label: "General" },
    { href: `/t/${slug}/settings/members`, label: "Members" },
    { href: `/t/${slug}/settings/severities`, label: "Severity levels" },
    { href: `/t/${slug}/settings/templates`, label: "Postmortem templates" },
    { href: `/t/${slug}/settings/sign-off`, label: "Sign-off policy" },
    { href: `/t/${slug}/settings/publishing`, label: "Publishing" },
    { href: `/t/${slug}/settings/alert-sources`, label: "Alert sources" },
    ...(showAudit ? [{ href: `/t/${slug}/settings/audit`, label: "Audit log" }, { href: `/t/${slug}/settings/outbox`, label: "E-mail outbox" }] : []),
    ...(showAudit ? [{ href: `/t/${slug}/settings/api-tokens`, label: "API tokens" }] : []),
    ...(showAudit ? [{ href: `/t/${slug}/settings/webhooks`, label: "Webhooks" }, { href: `/t/${slug}/settings/chat`, label: "Chat" }, { href: `/t/${slug}/settings/deliveries`, label: "Deliveries" }] : []),
  ];
  return (
    <nav aria-label="Settings" className="min-w-0">
      <ul className="flex gap-1 overflow-x-auto md:flex-col">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={pathname === item.href ? "page" : undefined}
              className={cx(
                "block rounded-md px-3 py-2 text-sm whitespace-nowrap",
                pathname === item.href
                  ? "bg-zinc-200/70 font-medium text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100"
                  : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-900",
              )}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
