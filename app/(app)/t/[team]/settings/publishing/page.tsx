import type { Metadata } from "next";
import { Card, CardHeader } from "@/components/ui/card";
import { can } from "@/lib/authz";
import { requireTeamContext } from "@/lib/teams/actor";
import { getPublishingSettings } from "@/lib/publishing/queries";
import { PublishingForm } from "./publishing-form";

export const metadata: Metadata = { title: "Publishing" };

export default async function PublishingSettingsPage({ params }: { params: Promise<{ team: string }> }) {
  const { team, actor } = await requireTeamContext((await params).team);
  const settings = await getPublishingSettings(actor, team.id);
  return (
    <Card>
      <CardHeader title="Publishing" description="How the team's postmortems are shared publicly." />
      <div className="p-5">
        <PublishingForm teamId={team.id} teamSlug={settings.slug} publicIndex={settings.publicIndex} internalHostPatterns={settings.internalHostPatterns} accent={settings.publicBranding?.accent ?? ""} editable={can(actor, "publishing.settings", { teamId: team.id })} />
      </div>
    </Card>
  );
}
