import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/authz";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ActionButton } from "@/components/outbound/action-button";
import { DeliveryLog } from "@/components/outbound/delivery-log";
import { requireTeamContext } from "@/lib/teams/actor";
import { listDestinations } from "@/lib/chat/queries";
import { deleteDestinationAction, sendTestMessageAction, setDestinationEnabledAction } from "@/lib/chat/actions";
import { CHAT_EVENT_LABEL, type ChatEventKind } from "@/lib/chat/rules";
import { PLATFORM_LABEL } from "@/lib/chat/platforms";
import { DestinationForm } from "./destination-form";

export const metadata: Metadata = { title: "Chat" };

export default async function ChatPage({ params }: { params: Promise<{ team: string }> }) {
  const { team, actor } = await requireTeamContext((await params).team);
  // Destinations hold webhook URLs and tokens: the page is for admins.
  if (!can(actor, "outbound.manage", { teamId: team.id })) notFound();
  const destinations = await listDestinations(actor, team.id);
  return (
    <>
      <Card>
        <CardHeader title="Chat" description="Post incidents to Slack, Microsoft Teams, Mattermost, Discord or Google Chat, by event and severity." />
        <div className="space-y-4 p-5">
          {destinations.length === 0 && <EmptyState title="No chat destinations yet">Add one below, then send a test message to see it arrive.</EmptyState>}
          {destinations.map((destination) => {
            const fields = { teamId: team.id, destinationId: destination.id };
            return (
              <section key={destination.id} aria-label={destination.name} className="space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0">
                    <h3 className="text-sm font-semibold">{destination.name}</h3>
                    <p className="text-xs text-zinc-600 dark:text-zinc-400">
                      {PLATFORM_LABEL[destination.platform]}
                      {destination.channel && ` · ${destination.channel}`} · {destination.credentialHint}
                    </p>
                    <p className="text-xs text-zinc-600 dark:text-zinc-400">
                      {destination.events.map((e) => CHAT_EVENT_LABEL[e as ChatEventKind] ?? e).join(", ")} · {destination.severities.length ? destination.severities.join(", ") : "every severity"}
                    </p>
                    {!destination.enabled && <p className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">Disabled. {destination.disabledReason}</p>}
                  </div>
                  <div className="flex flex-wrap gap-2">
                    <ActionButton action={sendTestMessageAction} fields={fields} label="Send test message" pendingLabel="Queuing…" />
                    <ActionButton action={setDestinationEnabledAction} fields={{ ...fields, enabled: String(!destination.enabled) }} label={destination.enabled ? "Disable" : "Enable"} />
                    <ActionButton action={deleteDestinationAction} fields={fields} label="Delete" variant="danger" pendingLabel="Deleting…" />
                  </div>
                </div>
                <details>
                  <summary className="cursor-pointer text-sm font-medium">Edit rules and credentials</summary>
                  <div className="mt-3">
                    <DestinationForm teamId={team.id} initial={{ destinationId: destination.id, name: destination.name, platform: destination.platform, channel: destination.channel, events: destination.events, severities: destination.severities, credentialHint: destination.credentialHint }} />
                  </div>
                </details>
                <h4 className="text-sm font-medium">Recent messages</h4>
                <DeliveryLog rows={destination.deliveries} teamId={team.id} timeZone={team.timeZone} empty="Nothing sent yet. Send a test message to check the destination." />
              </section>
            );
          })}
        </div>
      </Card>
      <Card>
        <CardHeader title="Add a destination" />
        <div className="p-5">
          <DestinationForm teamId={team.id} />
        </div>
      </Card>
    </>
  );
}
