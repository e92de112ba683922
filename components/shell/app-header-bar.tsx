"use client";

import Link from "next/link";
import type { Theme } from "@/lib/theme";
import { Avatar } from "@/components/shell/avatar";
import { Logo } from "@/components/shell/logo";
import { Menu } from "@/components/shell/menu";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { ThemeSwitcher } from "@/components/shell/theme-switcher";
import { UnverifiedBanner } from "@/components/shell/unverified-banner";
import { cx } from "@/components/ui/cx";

export type HeaderTeam = { slug: string; name: string; role: string };
export type HeaderUser = { name: string; email: string; emailVerified: boolean };

const itemClass = "block rounded-md px-3 py-2 text-sm text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800";

type Props = { user: HeaderUser; teams: HeaderTeam[]; current?: HeaderTeam; unread: number; theme: Theme; children?: React.ReactNode };

/**
 * The header's markup, as a client component: every page renders it, and this way the server sends
 * its few props instead of its markup in the RSC payload. AppHeader reads what it shows.
 */
export function AppHeaderBar({ user, teams, current, unread, theme, children }: Props) {
  return (
    <header className="sticky top-0 z-20 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-1.5 px-3 sm:gap-4 sm:px-6">
        <Link href={current ? `/t/${current.slug}/incidents` : "/"} className="rounded-md" aria-label="Hindsight home">
          <Logo compact />
        </Link>
        <Menu
          label="Switch team"
          summary={<span className="max-w-[5rem] truncate font-medium sm:max-w-[16rem]">{current?.name ?? "Choose a team"}</span>}
        >
          <p className="px-3 pb-1 pt-2 text-xs font-medium text-zinc-500 dark:text-zinc-400">Your teams</p>
          <ul>
            {teams.map((t) => (
              <li key={t.slug}>
                <Link
                  href={`/t/${t.slug}/incidents`}
                  aria-current={t.slug === current?.slug ? "page" : undefined}
                  className={cx(itemClass, "flex items-center justify-between", t.slug === current?.slug && "font-semibold")}
                >
                  <span className="truncate">{t.name}</span>
                  <span className="text-xs text-zinc-500 dark:text-zinc-400">{t.role.toLowerCase()}</span>
                </Link>
              </li>
            ))}
          </ul>
          <div className="mt-1 border-t border-zinc-200 pt-1 dark:border-zinc-800">
            <Link href="/teams/new" className={itemClass}>
              + Create a team
            </Link>
          </div>
        </Menu>
        <div className="flex-1">{children}</div>
        <Link href="/my/tasks" className="hidden rounded-md px-2 py-1.5 text-sm text-zinc-700 hover:bg-zinc-100 sm:inline-block dark:text-zinc-300 dark:hover:bg-zinc-800">
          My tasks
        </Link>
        <Link
          href="/notifications"
          aria-label={unread ? `Notifications, ${unread} unread` : "Notifications"}
          className="relative rounded-md p-1.5 text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
            <path d="M6 8a6 6 0 1 1 12 0c0 7 3 8 3 8H3s3-1 3-8M10 20a2 2 0 0 0 4 0" />
          </svg>
          {unread > 0 && (
            <span data-testid="unread-count" className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] leading-4 font-semibold text-white">
              {unread > 99 ? "99+" : unread}
            </span>
          )}
        </Link>
        <Menu label="Account" align="right" summary={<Avatar name={user.name} />}>
          <div className="px-3 py-2">
            <p className="truncate text-sm font-medium">{user.name}</p>
            <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">{user.email}</p>
          </div>
          <div className="border-t border-zinc-200 py-1 dark:border-zinc-800">
            <Link href="/my/tasks" className={cx(itemClass, "sm:hidden")}>My tasks</Link>
            <Link href="/account" className={itemClass}>Account settings</Link>
          </div>
          <div className="border-t border-zinc-200 dark:border-zinc-800">
            <ThemeSwitcher theme={theme} />
          </div>
          <div className="border-t border-zinc-200 pt-1 dark:border-zinc-800">
            <SignOutButton />
          </div>
        </Menu>
      </div>
      {!user.emailVerified && <UnverifiedBanner email={user.email} />}
    </header>
  );
}
