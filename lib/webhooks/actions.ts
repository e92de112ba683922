"use server";

import { memberAction } from "@/lib/action";
import { createEndpoint, deleteEndpoint, rotateSecret, sendTestEvent, setEndpointEnabled, updateEndpoint } from "@/lib/webhooks/mutations";

const revalidate = () => ["/t/[team]/settings"];

export const createEndpointAction = memberAction((user, input) => createEndpoint(user.id, input), { revalidate, message: () => "Endpoint added. Copy its signing secret now: it will not be shown again." });
export const updateEndpointAction = memberAction((user, input) => updateEndpoint(user.id, input), { revalidate, message: () => "Saved." });
export const setEndpointEnabledAction = memberAction((user, input) => setEndpointEnabled(user.id, input), { revalidate, message: (r) => (r.enabled ? "Enabled." : "Disabled.") });
export const rotateSecretAction = memberAction((user, input) => rotateSecret(user.id, input), { revalidate, message: () => "New secret made. The old one keeps signing for 24 hours." });
export const deleteEndpointAction = memberAction((user, input) => deleteEndpoint(user.id, input), { revalidate, message: () => "Endpoint removed." });
export const sendTestEventAction = memberAction((user, input) => sendTestEvent(user.id, input), { revalidate, message: () => "Test event queued: it appears in the log below within seconds." });
