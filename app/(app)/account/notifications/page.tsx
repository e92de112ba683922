import type { Metadata } from "next";
import Link from "next/link";
import { AppHeader } from "@/components/shell/app-header";
import { Card, CardHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { loadPreferences } from "@/lib/mail/queries";
import { SEVERITIES } from "@/lib/mail/schema";
import { listMyTeams } from "@/lib/teams/queries";
import { PreferencesForm } from "./preferences-form";

export const metadata: Metadata = { title: "Notification settings" };

export default async function NotificationSettingsPage() {
  const user = await requireUser("/account/notifications");
  const [teams, preferences] = await Promise.all([listMyTeams(user.id), loadPreferences(user.id)]);
  return (
    <>
      <AppHeader user={user} teams={teams} />
      <main className="mx-auto max-w-3xl space-y-6 px-3 py-8 sm:px-6">
        <div>
          <p className="text-sm">
            <Link href="/account" className="text-brand-600 underline-offset-2 hover:underline dark:text-brand-500">Account settings</Link>
          </p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight">Notifications</h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            Choose, for each kind, whether it only shows in the app, also comes by e-mail to {user.email}, or not at all.
            {!user.emailVerified && " E-mail starts once your address is confirmed."}
          </p>
        </div>
        <Card>
          <CardHeader title="Where notifications go" description="Every e-mail has a one-click unsubscribe link for its kind." />
          <div className="px-5 py-4">
            <PreferencesForm {...preferences} severities={SEVERITIES} />
          </div>
        </Card>
      </main>
    </>
  );
}
