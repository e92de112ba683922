"use server";

import { memberAction } from "@/lib/action";
import { publish, revoke, updatePublishingSettings } from "@/lib/publishing/mutations";

const revalidate = () => ["/t/[team]"];

export const publishAction = memberAction((user, input) => publish(user.id, input), {
  revalidate,
  message: (r) => (r.edition > 1 ? `Published edition ${r.edition}.` : "Published."),
});
export const revokeAction = memberAction((user, input) => revoke(user.id, input), { revalidate, message: () => "Taken down: the link now answers “gone”." });
export const publishingSettingsAction = memberAction((user, input) => updatePublishingSettings(user.id, input), { revalidate, message: () => "Saved." });
