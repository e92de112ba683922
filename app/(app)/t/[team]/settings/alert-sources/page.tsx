import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Moment } from "@/components/time/moment";
import { can } from "@/lib/authz";
import { requireTeamContext } from "@/lib/teams/actor";
import { listAlertSources } from "@/lib/alerts/queries";
import { publicOrigin } from "@/lib/publishing/origin";
import { FORMAT_LABEL } from "@/components/alerts/labels";
import { CreateSourceForm } from "./create-source-form";

export const metadata: Metadata = { title: "Alert sources" };

export default async function AlertSourcesPage({ params }: { params: Promise<{ team: string }> }) {
  const { team, actor } = await requireTeamContext((await params).team);
  const sources = await listAlertSources(actor, team.id);
  const manage = can(actor, "alertSource.manage", { teamId: team.id });
  return (
    <>
      <Card>
        <CardHeader title="Alert sources" description="Each monitoring system posts to its own endpoint with its own secret. Routing rules decide whether an alert declares an incident, joins one, or waits in the triage inbox." />
        {sources.length === 0 ? (
          <div className="p-5">
            <EmptyState title="No alert sources yet">{manage ? "Add one below, then paste its endpoint and secret into Alertmanager, Grafana or your script." : "Ask an admin to add one for your monitoring system."}</EmptyState>
          </div>
        ) : (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Alert sources">
            {sources.map((source) => (
              <li key={source.id} className="flex flex-wrap items-center gap-3 px-5 py-3 text-sm">
                {manage ? (
                  <Link href={`/t/${team.slug}/settings/alert-sources/${source.id}`} className="font-medium text-brand-700 hover:underline dark:text-brand-400">
                    {source.name}
                  </Link>
                ) : (
                  <span className="font-medium">{source.name}</span>
                )}
                <span className="text-zinc-600 dark:text-zinc-400">{FORMAT_LABEL[source.format]}</span>
                <span className="text-zinc-600 dark:text-zinc-400">{source.authMode === "HMAC" ? "HMAC signature" : "Bearer token"}</span>
                {!source.enabled && <span className="rounded bg-zinc-200 px-1.5 text-xs dark:bg-zinc-800">Disabled</span>}
                <span className="ml-auto text-xs text-zinc-600 dark:text-zinc-400">
                  {source.lastDeliveryAt ? (
                    <>
                      Last delivery <Moment date={source.lastDeliveryAt} timeZone={team.timeZone} withDate />
                    </>
                  ) : (
                    "Nothing received yet"
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {manage && (
        <Card>
          <CardHeader title="Add a source" description="The secret is shown once, right after it is created." />
          <div className="p-5">
            <CreateSourceForm teamId={team.id} origin={publicOrigin()} />
          </div>
        </Card>
      )}
    </>
  );
}
