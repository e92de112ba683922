import type { Metadata } from "next";
import { AppHeader } from "@/components/shell/app-header";
import { requireUser } from "@/lib/auth/current-user";
import { listMyTeams } from "@/lib/teams/queries";
import { timeZoneNames } from "@/lib/time/zones";
import { CreateTeamForm } from "./create-team-form";

export const metadata: Metadata = { title: "Create a team" };

export default async function NewTeamPage() {
  const user = await requireUser("/teams/new");
  const teams = await listMyTeams(user.id);
  return (
    <>
      <AppHeader user={user} teams={teams} />
      <main className="mx-auto max-w-lg px-4 py-10">
        <h1 className="text-2xl font-semibold tracking-tight">{teams.length ? "Create another team" : "Create your team"}</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          A team shares incidents, tasks and postmortems. You can invite colleagues next.
        </p>
        <CreateTeamForm zones={timeZoneNames()} />
      </main>
    </>
  );
}
