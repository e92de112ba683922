import type { Tx } from "@/lib/db";
import { queueMail } from "@/lib/mail/outbox";
import { publicOrigin } from "@/lib/publishing/origin";

const NOT_YOU = "If you did not ask for this, ignore this e-mail: nothing changes until the link is opened.";

/** Account mails carry no team: only instance admins read them in the outbox (they hold live links). */
export function queueVerificationMail(tx: Tx, user: { id: string; email: string; name: string }, token: string) {
  return queueMail(tx, [
    {
      to: user.email,
      userId: user.id,
      kind: "account.verify",
      subject: "Confirm your e-mail address for Hindsight",
      content: {
        heading: "Confirm your e-mail address",
        paragraphs: [`Hi ${user.name}, confirm that this address is yours to finish setting up your Hindsight account.`],
        action: { label: "Confirm my address", url: `${publicOrigin()}/verify-email?token=${token}` },
        footnotes: ["The link works once and for 24 hours.", NOT_YOU],
      },
    },
  ]);
}

/** Sign-up with an address that already has an account: its owner hears about it; the form says the same as always. */
export function queueSignUpAttemptMail(tx: Tx, user: { id: string; email: string; name: string }, now: Date) {
  return queueMail(tx, [
    {
      to: user.email,
      userId: user.id,
      kind: "account.sign_up_attempt",
      // At most one such mail an hour per account, however often someone tries.
      dedupeKey: `sign-up-attempt:${user.id}:${now.toISOString().slice(0, 13)}`,
      subject: "Someone tried to sign up to Hindsight with your address",
      content: {
        heading: "You already have an account",
        paragraphs: [
          `Hi ${user.name}, someone tried to create a Hindsight account with this address, which already has one.`,
          "If it was you, sign in instead — or reset your password if you forgot it.",
        ],
        action: { label: "Sign in", url: `${publicOrigin()}/sign-in` },
        footnotes: ["If it was not you, nothing happened: no account was created and yours is unchanged."],
      },
    },
  ]);
}

export function queuePasswordResetMail(tx: Tx, user: { id: string; email: string; name: string }, token: string) {
  return queueMail(tx, [
    {
      to: user.email,
      userId: user.id,
      kind: "account.password_reset",
      subject: "Reset your Hindsight password",
      content: {
        heading: "Reset your password",
        paragraphs: [`Hi ${user.name}, someone (hopefully you) asked to reset the password of your Hindsight account.`],
        action: { label: "Choose a new password", url: `${publicOrigin()}/reset-password?token=${token}` },
        footnotes: ["The link works once and for one hour. Setting a new password signs you out everywhere else.", NOT_YOU],
      },
    },
  ]);
}

export function queuePasswordChangedMail(tx: Tx, user: { id: string; email: string; name: string }) {
  return queueMail(tx, [
    {
      to: user.email,
      userId: user.id,
      kind: "account.password_changed",
      subject: "Your Hindsight password was changed",
      content: {
        heading: "Your password was changed",
        paragraphs: [`Hi ${user.name}, the password of your Hindsight account was just changed and every other session was signed out.`],
        action: { label: "Sign in", url: `${publicOrigin()}/sign-in` },
        footnotes: ["If this was not you, reset your password at once from the sign-in page."],
      },
    },
  ]);
}

export function queueEmailChangeMails(tx: Tx, user: { id: string; email: string; name: string }, newEmail: string, token: string | null) {
  return queueMail(tx, [
    token
      ? {
          to: newEmail,
          userId: user.id,
          kind: "account.email_change",
          subject: "Confirm your new e-mail address for Hindsight",
          content: {
            heading: "Confirm your new address",
            paragraphs: [`Hi ${user.name}, confirm that Hindsight should use this address for your account from now on.`],
            action: { label: "Use this address", url: `${publicOrigin()}/confirm-email?token=${token}` },
            footnotes: ["The link works once and for 24 hours.", NOT_YOU],
          },
        }
      : {
          to: newEmail,
          kind: "account.email_change_taken",
          subject: "Someone tried to move a Hindsight account to your address",
          content: {
            heading: "This address already has an account",
            paragraphs: ["Someone asked to change their Hindsight account's address to this one, which already belongs to an account. Nothing was changed."],
            footnotes: ["If it was you, remove or rename the other account first."],
          },
        },
    {
      to: user.email,
      userId: user.id,
      kind: "account.email_change_requested",
      subject: "A change of your Hindsight e-mail address was requested",
      content: {
        heading: "Address change requested",
        paragraphs: [`Hi ${user.name}, someone signed in to your account asked to use ${newEmail} from now on. It changes only once that address confirms.`],
        footnotes: ["If this was not you, change your password."],
      },
    },
  ]);
}

export function queueInviteMail(tx: Tx, invite: { teamId: string; teamName: string; inviterName: string; email: string; url: string }) {
  return queueMail(tx, [
    {
      to: invite.email,
      teamId: invite.teamId,
      kind: "invite",
      subject: `${invite.inviterName} invited you to ${invite.teamName} on Hindsight`,
      content: {
        heading: `Join ${invite.teamName} on Hindsight`,
        paragraphs: [`${invite.inviterName} invited you to the team ${invite.teamName}, where it runs incidents and writes postmortems.`],
        action: { label: "Accept the invitation", url: invite.url },
        footnotes: ["If you did not expect this, ignore this e-mail."],
      },
    },
  ]);
}
