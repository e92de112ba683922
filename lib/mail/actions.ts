"use server";

import { formAction, memberAction } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { kindLabel } from "@/lib/mail/kinds";
import { savePreferences, unsubscribe } from "@/lib/mail/mutations";

export const savePreferencesAction = memberAction((user, input) => savePreferences(user.id, input), {
  message: () => "Saved.",
  revalidate: () => ["/account/notifications"],
});

export const unsubscribeAction = formAction(
  async (_user, input) => {
    const done = await unsubscribe(String(input.token ?? ""));
    if (!done) throw new AppError("NOT_FOUND", "This unsubscribe link is not valid.");
    return done;
  },
  { anonymous: true, message: (r) => (r.kind === "digest" ? "You will get no more daily digests." : `No more e-mails for “${kindLabel(r.kind)}”. You still see them in the app.`) },
);
