import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AppHeader } from "@/components/shell/app-header";
import { OutboxMessageView } from "@/components/mail/outbox-message";
import { isInstanceAdmin } from "@/lib/authz";
import { env } from "@/lib/env";
import { requireUser } from "@/lib/auth/current-user";
import { instanceOutboxMessage } from "@/lib/mail/queries";
import { listMyTeams } from "@/lib/teams/queries";

export const metadata: Metadata = { title: "E-mail" };

export default async function InstanceOutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/admin/outbox/${id}`);
  if (!isInstanceAdmin(user, env().INSTANCE_ADMINS)) notFound();
  const [teams, mail] = await Promise.all([listMyTeams(user.id), instanceOutboxMessage(user, id)]);
  if (!mail) notFound();
  return (
    <>
      <AppHeader user={user} teams={teams} />
      <main className="mx-auto max-w-5xl px-3 py-8 sm:px-6">
        <OutboxMessageView mail={mail} backHref="/admin/outbox" timeZone="UTC" />
      </main>
    </>
  );
}
