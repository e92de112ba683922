import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, CardHeader } from "@/components/ui/card";
import { Moment } from "@/components/time/moment";
import { requireTeamContext } from "@/lib/teams/actor";
import { getAlertSource, recentDeliveries } from "@/lib/alerts/queries";
import { publicOrigin } from "@/lib/publishing/origin";
import { alertEndpoint } from "@/components/alerts/labels";
import { SourceForm } from "./source-form";
import { RotateSecretForm } from "./rotate-secret-form";

export const metadata: Metadata = { title: "Alert source" };

const DELIVERY_BODY_CHARS = 2_000;

export default async function AlertSourcePage({ params }: { params: Promise<{ team: string; id: string }> }) {
  const { team: slug, id } = await params;
  const { team, actor } = await requireTeamContext(slug);
  const source = await getAlertSource(actor, team.id, id);
  if (!source) notFound();
  const deliveries = await recentDeliveries(actor, team.id, source.id);
  const endpoint = alertEndpoint(publicOrigin(), source.id);
  return (
    <>
      <Card>
        <CardHeader title={source.name} description={`Endpoint: ${endpoint}`} />
        <div className="p-5">
          <SourceForm
            teamId={team.id}
            timeZone={team.timeZone}
            source={{ ...source, rules: JSON.stringify(source.rules, null, 2) }}
          />
        </div>
      </Card>
      <Card>
        <CardHeader title="Secret" description={source.previousExpiresAt && source.previousExpiresAt > new Date() ? "The previous secret still works until the time below; update every sender before then." : "Rotate when a secret may have leaked; the old one keeps working for 24 hours."} />
        <div className="space-y-3 p-5">
          {source.previousExpiresAt && source.previousExpiresAt > new Date() && (
            <p className="text-sm">
              Previous secret accepted until <Moment date={source.previousExpiresAt} timeZone={team.timeZone} withDate />.
            </p>
          )}
          <RotateSecretForm teamId={team.id} sourceId={source.id} endpoint={endpoint} authMode={source.authMode} />
        </div>
      </Card>
      <Card>
        <CardHeader title="Last deliveries" description="What this source sent most recently, as received." />
        {deliveries.length === 0 ? (
          <p className="p-5 text-sm text-zinc-600 dark:text-zinc-400">Nothing received yet. Send a test alert with the example from when the source was created.</p>
        ) : (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Last deliveries">
            {deliveries.map((delivery) => (
              <li key={delivery.id} className="space-y-1 px-5 py-3 text-sm">
                <div className="flex flex-wrap gap-3">
                  <Moment date={delivery.receivedAt} timeZone={team.timeZone} withDate />
                  <span className={delivery.status === "REJECTED" ? "text-red-700 dark:text-red-400" : "text-zinc-600 dark:text-zinc-400"}>{delivery.status.toLowerCase()}</span>
                  {delivery.error && <span className="text-red-700 dark:text-red-400">{delivery.error}</span>}
                </div>
                <details>
                  <summary className="cursor-pointer text-xs text-zinc-600 dark:text-zinc-400">Body</summary>
                  <pre className="mt-1 max-h-64 overflow-auto rounded bg-zinc-100 p-2 text-xs dark:bg-zinc-800">{prettyBody(delivery.body)}</pre>
                </details>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}

function prettyBody(body: string): string {
  let text = body;
  try {
    text = JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    // Shown as received.
  }
  return text.length > DELIVERY_BODY_CHARS ? `${text.slice(0, DELIVERY_BODY_CHARS)}\n…` : text;
}
