import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, CardHeader } from "@/components/ui/card";
import { ServiceTokenForm } from "@/components/api-tokens/service-token-form";
import { TokenList } from "@/components/api-tokens/token-list";
import { can } from "@/lib/authz";
import { listServiceTokens } from "@/lib/api/tokens/queries";
import { requireTeamContext } from "@/lib/teams/actor";

export const metadata: Metadata = { title: "API tokens" };

export default async function ServiceTokensPage({ params }: { params: Promise<{ team: string }> }) {
  const { team, actor } = await requireTeamContext((await params).team);
  if (!can(actor, "apiToken.manage", { teamId: team.id })) notFound();
  const tokens = await listServiceTokens(actor, team.id);
  return (
    <Card>
      <CardHeader
        title="Service tokens"
        description={
          <>
            Tokens owned by {team.name}, not by a person: for CI, chat bots and scripts that outlive whoever set them up. What they write is attributed to the token by name. See the{" "}
            <Link href="/api/docs" className="font-medium underline underline-offset-2">API reference</Link>.
          </>
        }
      />
      <TokenList tokens={tokens} teamId={team.id} empty="No service tokens yet. Create one below for a script or integration." />
      <div className="border-t border-zinc-200 px-5 py-5 dark:border-zinc-800">
        <ServiceTokenForm teamId={team.id} />
      </div>
    </Card>
  );
}
