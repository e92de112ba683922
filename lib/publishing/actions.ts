"use server";

import { memberAction } from "@/lib/action";
import { publish, revoke, updatePublishingSettings, withdrawEdition } from "@/lib/publishing/mutations";

const revalidate = () => ["/t/[team]"];

export const publishAction = memberAction((user, input) => publish(user.id, input), {
  revalidate,
  message: (r) => (r.edition > 1 ? `Published edition ${r.edition}.` : "Published."),
});
export const revokeAction = memberAction((user, input) => revoke(user.id, input), { revalidate, message: () => "Taken down: the link now answers “gone”." });
export const withdrawEditionAction = memberAction((user, input) => withdrawEdition(user.id, input), {
  revalidate,
  message: (r) => `Edition ${r.withdrawn} withdrawn: its link now answers “gone” with your note.`,
});
export const publishingSettingsAction = memberAction((user, input) => updatePublishingSettings(user.id, input), { revalidate, message: () => "Saved." });
