import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { PersonalTokenForm } from "@/components/api-tokens/personal-token-form";
import { TokenList } from "@/components/api-tokens/token-list";
import { can } from "@/lib/authz";
import { listPersonalTokens } from "@/lib/api/tokens/queries";
import type { Role } from "@/lib/generated/prisma/enums";

export async function ApiTokensCard({ userId, teams }: { userId: string; teams: { id: string; name: string; role: Role }[] }) {
  const tokens = await listPersonalTokens(userId);
  const scopable = teams.map((t) => ({ id: t.id, name: t.name, canWrite: can({ userId, teamId: t.id, role: t.role }, "incident.create", { teamId: t.id }) }));
  return (
    <Card>
      <CardHeader
        title="API tokens"
        description={
          <>
            Personal tokens let scripts use the <Link href="/api/docs" className="font-medium underline underline-offset-2">REST API</Link> as you, within the teams and access you choose. They never sign in to the app.
          </>
        }
      />
      <TokenList tokens={tokens} empty="No tokens yet. Create one below to call the API from a script." />
      <div className="border-t border-zinc-200 px-5 py-5 dark:border-zinc-800">
        {scopable.length ? <PersonalTokenForm teams={scopable} /> : <p className="text-sm text-zinc-600 dark:text-zinc-400">Join or create a team first: a token acts within teams.</p>}
      </div>
    </Card>
  );
}
