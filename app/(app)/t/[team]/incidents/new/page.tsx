import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/authz";
import { requireTeamContext } from "@/lib/teams/actor";
import { severityDescriptions } from "@/lib/incidents/severities";
import { listServices } from "@/lib/incidents/services";
import { timeZoneNames } from "@/lib/time/zones";
import { DeclareIncidentForm } from "./declare-incident-form";

export const metadata: Metadata = { title: "Declare an incident" };

export default async function DeclareIncidentPage({ params }: { params: Promise<{ team: string }> }) {
  const { team, actor } = await requireTeamContext((await params).team);
  if (!can(actor, "incident.create", { teamId: team.id })) notFound();
  const [descriptions, services] = await Promise.all([severityDescriptions(actor, team.id), listServices(actor, team.id)]);
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-semibold tracking-tight">Declare an incident</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">A title is enough to start. Everything else can be filled in while you work.</p>
      <DeclareIncidentForm
        teamId={team.id}
        teamTimeZone={team.timeZone}
        descriptions={descriptions}
        services={services.map((s) => s.name)}
        zones={timeZoneNames()}
      />
    </div>
  );
}
