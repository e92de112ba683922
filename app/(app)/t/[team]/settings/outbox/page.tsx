import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/authz";
import { env } from "@/lib/env";
import { OutboxList } from "@/components/mail/outbox-list";
import { listTeamOutbox } from "@/lib/mail/queries";
import { requireTeamContext } from "@/lib/teams/actor";

export const metadata: Metadata = { title: "E-mail outbox" };

export default async function TeamOutboxPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<{ after?: string }> }) {
  const { team, actor } = await requireTeamContext((await params).team);
  if (!can(actor, "mail.outbox.read", { teamId: team.id })) notFound();
  const { after } = await searchParams;
  const page = await listTeamOutbox(actor, team.id, after);
  return (
    <OutboxList
      page={page}
      after={after}
      basePath={`/t/${team.slug}/settings/outbox`}
      timeZone={team.timeZone}
      smtpConfigured={Boolean(env().SMTP_URL)}
      description="Mail this team's activity sent: invitations and notifications. Account mails (sign-up, password reset) are only visible to the instance's operators."
    />
  );
}
