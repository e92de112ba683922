import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AppHeader } from "@/components/shell/app-header";
import { OutboxList } from "@/components/mail/outbox-list";
import { isInstanceAdmin } from "@/lib/authz";
import { env } from "@/lib/env";
import { requireUser } from "@/lib/auth/current-user";
import { listInstanceOutbox } from "@/lib/mail/queries";
import { listMyTeams } from "@/lib/teams/queries";

export const metadata: Metadata = { title: "E-mail outbox (instance)" };

export default async function InstanceOutboxPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const user = await requireUser("/admin/outbox");
  if (!isInstanceAdmin(user, env().INSTANCE_ADMINS)) notFound();
  const { after } = await searchParams;
  const [teams, page] = await Promise.all([listMyTeams(user.id), listInstanceOutbox(user, after)]);
  return (
    <>
      <AppHeader user={user} teams={teams} />
      <main className="mx-auto max-w-5xl px-3 py-8 sm:px-6">
        <OutboxList
          page={page}
          after={after}
          basePath="/admin/outbox"
          timeZone="UTC"
          smtpConfigured={Boolean(env().SMTP_URL)}
          description="Every mail this instance sent, account mails included (times in UTC). You see this page because your address is in INSTANCE_ADMINS."
        />
      </main>
    </>
  );
}
