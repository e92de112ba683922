import type { Metadata } from "next";
import { Card, CardHeader } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { can } from "@/lib/authz";
import { requireTeamContext } from "@/lib/teams/actor";
import { timeZoneNames } from "@/lib/time/zones";
import { TeamSettingsForm } from "./team-settings-form";
import { LeaveTeamForm } from "./leave-team-form";
import { TaskSettingsForm } from "./task-settings-form";
import { ExportTeamCard } from "./export-team-card";

export const metadata: Metadata = { title: "Team settings" };

export default async function TeamSettingsPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<{ saved?: string }> }) {
  const { team, actor } = await requireTeamContext((await params).team);
  const saved = (await searchParams).saved === "1";
  const editable = can(actor, "team.update", { teamId: team.id });
  return (
    <>
      {saved && <Alert tone="success">Team settings saved.</Alert>}
      <Card>
        <CardHeader title="General" description={editable ? "Name, URL and the time zone incidents default to." : "Only owners and admins can change these."} />
        <div className="px-5 py-5">
          <TeamSettingsForm team={team} zones={timeZoneNames()} editable={editable} />
        </div>
      </Card>
      <Card>
        <CardHeader title="Tasks" description="How corrective and preventive tasks are closed." />
        <div className="px-5 py-5">
          <TaskSettingsForm teamId={team.id} requireVerification={team.requireTaskVerification} editable={editable} />
        </div>
      </Card>
      {can(actor, "team.export", { teamId: team.id }) && <ExportTeamCard slug={team.slug} />}
      <Card>
        <CardHeader title="Leave team" description="You lose access to this team's incidents and postmortems. A team always keeps at least one owner." />
        <div className="px-5 py-5">
          <LeaveTeamForm teamId={team.id} teamName={team.name} />
        </div>
      </Card>
    </>
  );
}
