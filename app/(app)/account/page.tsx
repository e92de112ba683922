import type { Metadata } from "next";
import { AppHeader } from "@/components/shell/app-header";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { oauthMessage } from "@/lib/auth/oauth-messages";
import { listLinkedIdentities } from "@/lib/auth/oauth-users";
import { oauthProviderList } from "@/lib/auth/providers";
import { listMyTeams } from "@/lib/teams/queries";
import { formatDateTime } from "@/lib/time/format";
import Link from "next/link";
import { isInstanceAdmin } from "@/lib/authz";
import { env } from "@/lib/env";
import { LinkIdentityButton } from "./link-identity-button";
import { ApiTokensCard } from "./api-tokens-card";
import { ChangeEmailForm } from "./change-email-form";

export const metadata: Metadata = { title: "Account settings" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ linked?: string; linkError?: string }> }) {
  const user = await requireUser("/account");
  const { linked, linkError } = await searchParams;
  const [teams, identities] = await Promise.all([listMyTeams(user.id), listLinkedIdentities(user.id)]);
  const providers = oauthProviderList();
  const nameOf = (id: string) => providers.find((p) => p.id === id)?.name ?? id;
  const linkable = providers.filter((p) => !identities.some((i) => i.provider === p.id));
  const justLinked = linked && identities.some((i) => i.provider === linked) ? nameOf(linked) : undefined;
  const problem = linkError ? (oauthMessage(linkError) ?? "Linking failed. Please try again.") : undefined;
  return (
    <>
      <AppHeader user={user} teams={teams} />
      <main className="mx-auto max-w-3xl space-y-6 px-3 py-8 sm:px-6">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Account settings</h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            Signed in as {user.name} ({user.email}).
          </p>
        </div>
        {justLinked && <Alert tone="success">{justLinked} is now linked: you can sign in with it.</Alert>}
        {problem && <Alert tone="error">{problem}</Alert>}
        <Card>
          <CardHeader
            title="E-mail address"
            description={
              <>
                {user.email} · {user.emailVerified ? "verified" : "unverified: open the link we sent, or resend it from the banner above"}
              </>
            }
            actions={
              <div className="flex gap-4 text-sm font-medium">
                <Link href="/account/notifications" className="text-brand-600 underline-offset-2 hover:underline dark:text-brand-500">
                  Notifications
                </Link>
                {isInstanceAdmin(user, env().INSTANCE_ADMINS) && (
                  <Link href="/admin/outbox" className="text-brand-600 underline-offset-2 hover:underline dark:text-brand-500">
                    Instance e-mail outbox
                  </Link>
                )}
              </div>
            }
          />
          <ChangeEmailForm />
        </Card>
        <Card>
          <CardHeader title="Sign-in methods" description="Other ways to sign in to this account, linked while you are signed in." />
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Linked identities">
            {identities.length === 0 ? (
              <li className="px-5 py-3 text-sm text-zinc-600 dark:text-zinc-400">No identity provider is linked yet.</li>
            ) : (
              identities.map((identity) => (
                <li key={identity.provider} className="flex flex-wrap items-baseline justify-between gap-2 px-5 py-3 text-sm">
                  <span className="font-medium">{nameOf(identity.provider)}</span>
                  <span className="text-xs text-zinc-600 dark:text-zinc-400">
                    linked <time dateTime={identity.createdAt.toISOString()}>{formatDateTime(identity.createdAt, "UTC")}</time>
                  </span>
                </li>
              ))
            )}
          </ul>
          {linkable.length > 0 && (
            <div className="space-y-3 border-t border-zinc-200 px-5 py-4 dark:border-zinc-800">
              <h3 className="text-sm font-semibold">Link an identity</h3>
              <p className="text-sm text-zinc-600 dark:text-zinc-400">You will sign in with the provider once; afterwards it opens this account.</p>
              <div className="flex flex-wrap gap-2">
                {linkable.map((p) => (
                  <LinkIdentityButton key={p.id} provider={p.id} name={p.name} />
                ))}
              </div>
            </div>
          )}
        </Card>
        <ApiTokensCard userId={user.id} teams={teams} />
      </main>
    </>
  );
}
