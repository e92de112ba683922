"use server";

import { memberAction } from "@/lib/action";
import { changeTaskStatus, createTask, setTaskInternal, updateTask, updateTeamTaskSettings, verifyTask } from "@/lib/tasks/mutations";

const revalidate = () => ["/t/[team]", "/my/tasks"];

export const createTaskAction = memberAction((user, input) => createTask(user.id, input), { revalidate, message: () => "Task added." });
export const updateTaskAction = memberAction((user, input) => updateTask(user.id, input), { revalidate, message: () => "Saved." });
export const changeTaskStatusAction = memberAction((user, input) => changeTaskStatus(user.id, input), {
  revalidate,
  message: (r) => (r.awaitingVerification ? "Marked done: a teammate now verifies it." : r.nextId ? "Done. The next occurrence is scheduled." : "Status updated."),
});
export const verifyTaskAction = memberAction((user, input) => verifyTask(user.id, input), { revalidate, message: () => "Verified and done." });
export const updateTeamTaskSettingsAction = memberAction((user, input) => updateTeamTaskSettings(user.id, input), { revalidate, message: () => "Saved." });
export const taskInternalAction = memberAction((user, input) => setTaskInternal(user.id, input), {
  revalidate,
  message: (r) => (r.internal ? "Marked internal: public postmortems leave it out." : "Public again."),
});
