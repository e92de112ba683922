import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { requireTeamContext } from "@/lib/teams/actor";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage({ params }: { params: Promise<{ team: string }> }) {
  const { team } = await requireTeamContext((await params).team);
  return (
    <>
      <PageHeader title="Incidents" description={`Everything ${team.name} has declared, newest first.`} />
      <EmptyState title="No incidents yet">
        When something breaks, declare an incident here and build its timeline as you work.
      </EmptyState>
    </>
  );
}
