import type { Metadata } from "next";
import { Card, CardHeader } from "@/components/ui/card";
import { can } from "@/lib/authz";
import { requireTeamContext } from "@/lib/teams/actor";
import { severityDescriptions } from "@/lib/incidents/severities";
import { SeverityForm } from "./severity-form";

export const metadata: Metadata = { title: "Severity levels" };

export default async function SeveritiesPage({ params }: { params: Promise<{ team: string }> }) {
  const { team, actor } = await requireTeamContext((await params).team);
  const descriptions = await severityDescriptions(actor, team.id);
  const editable = can(actor, "severity.update", { teamId: team.id });
  return (
    <Card>
      <CardHeader title="Severity levels" description="Shown when someone declares an incident, so everyone picks the same level for the same harm." />
      <div className="p-5">
        <SeverityForm teamId={team.id} descriptions={descriptions} editable={editable} />
      </div>
    </Card>
  );
}
