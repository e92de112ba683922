import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can } from "@/lib/authz";
import { Card, CardHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { DeliveryLog } from "@/components/outbound/delivery-log";
import { requireTeamContext } from "@/lib/teams/actor";
import { listTeamDeliveries } from "@/lib/outbound/queries";
import { decodeDeliveryCursor, encodeDeliveryCursor } from "@/lib/outbound/cursor";

export const metadata: Metadata = { title: "Deliveries" };

export default async function DeliveriesPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<{ before?: string; failed?: string }> }) {
  const { team, actor } = await requireTeamContext((await params).team);
  if (!can(actor, "outbound.manage", { teamId: team.id })) notFound();
  const { before, failed } = await searchParams;
  const failedOnly = failed === "1";
  const page = await listTeamDeliveries(actor, team.id, { failedOnly, before: decodeDeliveryCursor(before) });
  const base = `/t/${team.slug}/settings/deliveries`;
  const last = page.rows.at(-1);
  return (
    <Card>
      <CardHeader
        title="Deliveries"
        description="Everything sent to webhooks and chat, newest first, with how each receiver answered."
        actions={
          <Link href={failedOnly ? base : `${base}?failed=1`} className={buttonClass("secondary", "sm")}>
            {failedOnly ? "Show all" : "Show failures only"}
          </Link>
        }
      />
      <div className="space-y-4 p-5">
        <DeliveryLog rows={page.rows} teamId={team.id} timeZone={team.timeZone} showTarget empty={failedOnly ? "No failed deliveries." : "Nothing sent yet. Add a webhook endpoint or a chat destination in settings."} />
        {page.more && last && (
          <Link href={`${base}?${new URLSearchParams({ ...(failedOnly ? { failed: "1" } : {}), before: encodeDeliveryCursor(last) })}`} className={buttonClass("secondary", "sm")}>
            Older deliveries
          </Link>
        )}
      </div>
    </Card>
  );
}
