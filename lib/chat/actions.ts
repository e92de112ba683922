"use server";

import { memberAction } from "@/lib/action";
import { createDestination, deleteDestination, sendTestMessage, setDestinationEnabled, updateDestination } from "@/lib/chat/mutations";

const revalidate = () => ["/t/[team]/settings"];

export const createDestinationAction = memberAction((user, input) => createDestination(user.id, input), { revalidate, message: () => "Destination added. Send a test message to check it." });
export const updateDestinationAction = memberAction((user, input) => updateDestination(user.id, input), { revalidate, message: () => "Saved." });
export const setDestinationEnabledAction = memberAction((user, input) => setDestinationEnabled(user.id, input), { revalidate, message: (r) => (r.enabled ? "Enabled." : "Disabled.") });
export const deleteDestinationAction = memberAction((user, input) => deleteDestination(user.id, input), { revalidate, message: () => "Destination removed." });
export const sendTestMessageAction = memberAction((user, input) => sendTestMessage(user.id, input), { revalidate, message: () => "Test message queued: it appears in the log below within seconds." });
