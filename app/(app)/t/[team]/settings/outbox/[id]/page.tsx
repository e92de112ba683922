import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/authz";
import { OutboxMessageView } from "@/components/mail/outbox-message";
import { teamOutboxMessage } from "@/lib/mail/queries";
import { requireTeamContext } from "@/lib/teams/actor";

export const metadata: Metadata = { title: "E-mail" };

export default async function TeamOutboxMessagePage({ params }: { params: Promise<{ team: string; id: string }> }) {
  const { team: slug, id } = await params;
  const { team, actor } = await requireTeamContext(slug);
  if (!can(actor, "mail.outbox.read", { teamId: team.id })) notFound();
  const mail = await teamOutboxMessage(actor, team.id, id);
  if (!mail) notFound();
  return <OutboxMessageView mail={mail} backHref={`/t/${team.slug}/settings/outbox`} timeZone={team.timeZone} />;
}
