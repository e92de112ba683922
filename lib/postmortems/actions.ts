"use server";

import { memberAction } from "@/lib/action";
import { renamePostmortem, startPostmortem } from "@/lib/postmortems/mutations";
import { restoreVersion, saveNamedVersion } from "@/lib/postmortems/versions";

const revalidate = () => ["/t/[team]"];

export const startPostmortemAction = memberAction((user, input) => startPostmortem(user.id, input), { revalidate, message: () => "Postmortem started." });
export const renamePostmortemAction = memberAction((user, input) => renamePostmortem(user.id, input), { revalidate, message: () => "Renamed." });
export const saveVersionAction = memberAction((user, input) => saveNamedVersion(user.id, input), { revalidate, message: () => "Version saved." });
export const restoreVersionAction = memberAction((user, input) => restoreVersion(user.id, input), {
  revalidate,
  message: (r) => `Restored ${r.restored}. The previous content is kept as a version.`,
});
