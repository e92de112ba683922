import Link from "next/link";
import { AppHeader } from "@/components/shell/app-header";
import { TeamNav } from "@/components/shell/team-nav";
import { DeclareShortcut } from "@/components/shell/declare-shortcut";
import { buttonClass } from "@/components/ui/button";
import { can } from "@/lib/authz";
import { requireTeamContext } from "@/lib/teams/actor";
import { OVERDUE_BADGE_CAP } from "@/lib/tasks/queries";

export default async function TeamLayout({ children, params }: { children: React.ReactNode; params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { user, team, actor, shell } = await requireTeamContext(slug);
  const declareHref = `/t/${team.slug}/incidents/new`;
  const canDeclare = can(actor, "incident.create", { teamId: team.id });
  return (
    <>
      <AppHeader user={user} teams={shell.teams} unread={shell.unread} current={{ slug: team.slug, name: team.name, role: actor.role }}>
        {canDeclare && (
          <div className="flex justify-end">
            <Link href={declareHref} className={buttonClass("danger", "sm")} aria-keyshortcuts="d" title="Declare an incident (D)">
              <span aria-hidden="true">●</span> <span>Declare<span className="hidden sm:inline"> incident</span></span>
            </Link>
          </div>
        )}
      </AppHeader>
      <TeamNav slug={team.slug} overdue={shell.overdue} overdueCap={OVERDUE_BADGE_CAP} />
      {canDeclare && <DeclareShortcut href={declareHref} />}
      <main className="mx-auto max-w-7xl px-3 py-6 sm:px-6 sm:py-8">{children}</main>
    </>
  );
}
