import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, CardHeader } from "@/components/ui/card";
import { can } from "@/lib/authz";
import { requireTeamContext } from "@/lib/teams/actor";
import { listTemplates } from "@/lib/postmortems/templates/queries";
import { TemplateEditor } from "../template-editor";

export const metadata: Metadata = { title: "New postmortem template" };

export default async function NewTemplatePage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<{ from?: string }> }) {
  const { team, actor } = await requireTeamContext((await params).team);
  if (!can(actor, "template.manage", { teamId: team.id })) notFound();
  const { from } = await searchParams;
  const source = from ? (await listTemplates(actor, team.id)).find((t) => t.id === from) : undefined;
  return (
    <Card>
      <CardHeader title="New postmortem template" description={source ? `A copy of “${source.name}”.` : undefined} />
      <div className="p-5">
        <TemplateEditor teamId={team.id} name={source ? `${source.name} (our version)` : ""} description={source?.description ?? ""} sections={source?.sections ?? [{ heading: "Summary", help: "", required: true, block: "summary" }]} />
      </div>
    </Card>
  );
}
