import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/authz";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ActionButton } from "@/components/outbound/action-button";
import { DeliveryLog } from "@/components/outbound/delivery-log";
import { requireTeamContext } from "@/lib/teams/actor";
import { listEndpoints } from "@/lib/webhooks/queries";
import { deleteEndpointAction, rotateSecretAction, sendTestEventAction, setEndpointEnabledAction } from "@/lib/webhooks/actions";
import { formatDateTime } from "@/lib/time/format";
import { EndpointForm } from "./endpoint-form";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage({ params }: { params: Promise<{ team: string }> }) {
  const { team, actor } = await requireTeamContext((await params).team);
  // Endpoints carry secrets and receivers' answers: the page is for admins, like the audit log.
  if (!can(actor, "outbound.manage", { teamId: team.id })) notFound();
  const endpoints = await listEndpoints(actor, team.id);
  return (
    <>
      <Card>
        <CardHeader title="Webhooks" description="Hindsight sends incident, timeline, task and postmortem events to these URLs as signed JSON, retrying for more than a day." />
        <div className="space-y-4 p-5">
          {endpoints.length === 0 && <EmptyState title="No webhook endpoints yet">Add a URL below to receive events. Verify each request with the signing secret and the Standard Webhooks libraries.</EmptyState>}
          {endpoints.map((endpoint) => {
            const fields = { teamId: team.id, endpointId: endpoint.id };
            return (
              <section key={endpoint.id} aria-label={endpoint.description || endpoint.url} className="space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0">
                    <h3 className="font-mono text-sm break-all">{endpoint.url}</h3>
                    {endpoint.description && <p className="text-sm text-zinc-600 dark:text-zinc-400">{endpoint.description}</p>}
                    <p className="text-xs text-zinc-600 dark:text-zinc-400">
                      {endpoint.events.length ? endpoint.events.join(", ") : "Every event"} · secret {endpoint.secretHint}
                      {endpoint.previousExpiresAt && endpoint.previousExpiresAt > new Date() && ` · previous secret signs until ${formatDateTime(endpoint.previousExpiresAt, team.timeZone)}`}
                    </p>
                    {!endpoint.enabled && <p className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">Disabled. {endpoint.disabledReason}</p>}
                    {endpoint.enabled && endpoint.failingSince && <p className="mt-1 text-sm text-amber-800 dark:text-amber-300">Failing since {formatDateTime(endpoint.failingSince, team.timeZone)}; disabled after a day of failures.</p>}
                  </div>
                  <div className="flex flex-wrap gap-2">
                    <ActionButton action={sendTestEventAction} fields={fields} label="Send test event" pendingLabel="Queuing…" />
                    <ActionButton action={rotateSecretAction} fields={fields} label="Rotate secret" pendingLabel="Rotating…" revealSecret />
                    <ActionButton action={setEndpointEnabledAction} fields={{ ...fields, enabled: String(!endpoint.enabled) }} label={endpoint.enabled ? "Disable" : "Enable"} />
                    <ActionButton action={deleteEndpointAction} fields={fields} label="Delete" variant="danger" pendingLabel="Deleting…" />
                  </div>
                </div>
                <details>
                  <summary className="cursor-pointer text-sm font-medium">Edit URL and events</summary>
                  <div className="mt-3">
                    <EndpointForm teamId={team.id} initial={{ endpointId: endpoint.id, url: endpoint.url, description: endpoint.description, events: endpoint.events }} />
                  </div>
                </details>
                <h4 className="text-sm font-medium">Recent deliveries</h4>
                <DeliveryLog rows={endpoint.deliveries} teamId={team.id} timeZone={team.timeZone} empty="Nothing sent yet. Send a test event to check the endpoint." />
              </section>
            );
          })}
        </div>
      </Card>
      <Card>
        <CardHeader title="Add an endpoint" description="The signing secret is shown once, right after you add it." />
        <div className="p-5">
          <EndpointForm teamId={team.id} />
        </div>
      </Card>
    </>
  );
}
