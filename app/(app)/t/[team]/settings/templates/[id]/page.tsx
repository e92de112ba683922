import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, CardHeader } from "@/components/ui/card";
import { can } from "@/lib/authz";
import { requireTeamContext } from "@/lib/teams/actor";
import { getTeamTemplate } from "@/lib/postmortems/templates/queries";
import { TemplateEditor } from "../template-editor";

export const metadata: Metadata = { title: "Edit postmortem template" };

export default async function EditTemplatePage({ params }: { params: Promise<{ team: string; id: string }> }) {
  const { team: slug, id } = await params;
  const { team, actor } = await requireTeamContext(slug);
  const template = await getTeamTemplate(actor, team.id, id);
  if (!template || !can(actor, "template.manage", { teamId: team.id })) notFound();
  return (
    <Card>
      <CardHeader title={`Edit “${template.name}”`} />
      <div className="p-5">
        <TemplateEditor teamId={team.id} templateId={template.id} version={template.version} name={template.name} description={template.description} sections={template.sections} />
      </div>
    </Card>
  );
}
