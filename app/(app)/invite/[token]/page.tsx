import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "@/components/shell/logo";
import { buttonClass } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/current-user";
import { describeInvite } from "@/lib/teams/invites";
import { AcceptInviteForm } from "./accept-invite-form";

export const metadata: Metadata = { title: "Join a team" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invite, user] = await Promise.all([describeInvite(token), getCurrentUser()]);
  const here = `/invite/${token}`;
  let body: React.ReactNode;
  if (!invite) {
    body = <p className="text-sm text-zinc-600 dark:text-zinc-400">This invite link is not valid. Ask a team admin for a new one.</p>;
  } else if (invite.status !== "valid") {
    body = (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        This invite to <strong>{invite.team.name}</strong> {invite.status === "revoked" ? "was revoked" : "has expired"}. Ask a team admin for a new link.
      </p>
    );
  } else if (!user) {
    body = (
      <>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {invite.createdBy?.name ?? "A teammate"} invited you to join <strong>{invite.team.name}</strong> as {invite.role.toLowerCase()}.
        </p>
        <div className="mt-6 flex flex-col gap-2">
          <Link className={buttonClass("primary")} href={`/sign-up?callbackUrl=${encodeURIComponent(here)}`}>
            Create an account to join
          </Link>
          <Link className={buttonClass("secondary")} href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`}>
            I already have an account
          </Link>
        </div>
      </>
    );
  } else {
    body = (
      <>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {invite.createdBy?.name ?? "A teammate"} invited you to join <strong>{invite.team.name}</strong> as {invite.role.toLowerCase()}. You are signed in as {user.email}.
        </p>
        <AcceptInviteForm token={token} teamName={invite.team.name} />
      </>
    );
  }
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-12">
      <Logo />
      <div className="mt-8 w-full max-w-md rounded-xl bg-white p-6 shadow-sm ring-1 ring-zinc-200 sm:p-8 dark:bg-zinc-900 dark:ring-zinc-800">
        <h1 className="mb-2 text-xl font-semibold">Join a team</h1>
        {body}
      </div>
    </main>
  );
}
