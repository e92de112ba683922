import Link from "next/link";
import type { SessionUser } from "@/lib/auth/sessions";
import { currentTheme } from "@/lib/theme";
import { Avatar } from "@/components/shell/avatar";
import { Logo } from "@/components/shell/logo";
import { Menu } from "@/components/shell/menu";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { ThemeSwitcher } from "@/components/shell/theme-switcher";
import { cx } from "@/components/ui/cx";

type TeamLink = { slug: string; name: string; role: string };

const itemClass = "block rounded-md px-3 py-2 text-sm text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800";

export async function AppHeader({ user, teams, current, children }: { user: SessionUser; teams: TeamLink[]; current?: TeamLink; children?: React.ReactNode }) {
  const theme = await currentTheme();
  return (
    <header className="sticky top-0 z-20 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-2 px-3 sm:gap-4 sm:px-6">
        <Link href={current ? `/t/${current.slug}/incidents` : "/"} className="rounded-md" aria-label="Hindsight home">
          <Logo compact />
        </Link>
        <Menu
          label="Switch team"
          summary={<span className="max-w-[10rem] truncate font-medium sm:max-w-[16rem]">{current?.name ?? "Choose a team"}</span>}
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
        <Menu label="Account" align="right" summary={<Avatar name={user.name} />}>
          <div className="px-3 py-2">
            <p className="truncate text-sm font-medium">{user.name}</p>
            <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">{user.email}</p>
          </div>
          <div className="border-t border-zinc-200 dark:border-zinc-800">
            <ThemeSwitcher theme={theme} />
          </div>
          <div className="border-t border-zinc-200 pt-1 dark:border-zinc-800">
            <SignOutButton />
          </div>
        </Menu>
      </div>
    </header>
  );
}
