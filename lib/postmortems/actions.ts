"use server";

import { memberAction } from "@/lib/action";
import { importPostmortem, renamePostmortem, startPostmortem } from "@/lib/postmortems/mutations";
import { restoreVersion, saveNamedVersion } from "@/lib/postmortems/versions";

const revalidate = () => ["/t/[team]"];

export const startPostmortemAction = memberAction((user, input) => startPostmortem(user.id, input), { revalidate, message: () => "Postmortem started." });
export const importPostmortemAction = memberAction((user, input) => importPostmortem(user.id, input), { revalidate, message: () => "Postmortem imported." });
export const renamePostmortemAction = memberAction((user, input) => renamePostmortem(user.id, input), { revalidate, message: () => "Renamed." });
export const saveVersionAction = memberAction((user, input) => saveNamedVersion(user.id, input), { revalidate, message: () => "Version saved." });
export const restoreVersionAction = memberAction((user, input) => restoreVersion(user.id, input), {
  revalidate,
  message: (r) => `Restored ${r.restored}. The previous content is kept as a version.`,
});
