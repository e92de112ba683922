import { SettingsNav } from "./settings-nav";
import { PageHeader } from "@/components/shell/page-header";
import { requireTeamContext } from "@/lib/teams/actor";
import { can } from "@/lib/authz";

export default async function SettingsLayout({ children, params }: { children: React.ReactNode; params: Promise<{ team: string }> }) {
  const { team, actor } = await requireTeamContext((await params).team);
  return (
    <>
      <PageHeader title="Settings" description={team.name} />
      <div className="grid gap-6 md:grid-cols-[12rem_1fr]">
        <SettingsNav slug={team.slug} showAudit={can(actor, "audit.read", { teamId: team.id })} />
        <div className="min-w-0 space-y-6">{children}</div>
      </div>
    </>
  );
}
