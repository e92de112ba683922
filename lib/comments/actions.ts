"use server";

import { memberAction } from "@/lib/action";
import { replyToThread, setThreadResolved, startThread } from "@/lib/comments/mutations";

const revalidate = () => ["/t/[team]"];

export const startThreadAction = memberAction((user, input) => startThread(user.id, input), { revalidate });
export const replyAction = memberAction((user, input) => replyToThread(user.id, input), { revalidate, message: () => "Reply posted." });
export const resolveThreadAction = memberAction((user, input) => setThreadResolved(user.id, input), {
  revalidate,
  message: (r) => (r.resolved ? "Resolved." : "Reopened."),
});
