import type { Metadata } from "next";
import { Card, CardHeader } from "@/components/ui/card";
import { can } from "@/lib/authz";
import { requireTeamContext } from "@/lib/teams/actor";
import { getReviewPolicy } from "@/lib/reviews/queries";
import { PolicyForm } from "./policy-form";

export const metadata: Metadata = { title: "Sign-off policy" };

export default async function SignOffPolicyPage({ params }: { params: Promise<{ team: string }> }) {
  const { team, actor } = await requireTeamContext((await params).team);
  const policy = await getReviewPolicy(actor, team.id);
  return (
    <Card>
      <CardHeader title="Sign-off policy" description="Who must approve a postmortem before it can be published, by the incident's severity." />
      <div className="p-5">
        <PolicyForm teamId={team.id} policy={policy} editable={can(actor, "review.policy", { teamId: team.id })} />
      </div>
    </Card>
  );
}
