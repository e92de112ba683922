import type { SessionUser } from "@/lib/auth/sessions";
import { currentTheme } from "@/lib/theme";
import { unreadCount } from "@/lib/notifications/queries";
import { AppHeaderBar, type HeaderTeam } from "@/components/shell/app-header-bar";

/** `unread` comes with the team pages' one shell statement; other pages leave it out and it is counted here. */
export async function AppHeader({ user, teams, current, unread: given, children }: { user: SessionUser; teams: HeaderTeam[]; current?: HeaderTeam; unread?: number; children?: React.ReactNode }) {
  const [theme, unread] = await Promise.all([currentTheme(), given ?? unreadCount(user.id)]);
  return (
    <AppHeaderBar
      user={{ name: user.name, email: user.email, emailVerified: user.emailVerified }}
      teams={teams.map(({ slug, name, role }) => ({ slug, name, role }))}
      current={current}
      unread={unread}
      theme={theme}
    >
      {children}
    </AppHeaderBar>
  );
}
