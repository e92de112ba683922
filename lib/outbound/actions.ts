"use server";

import { memberAction } from "@/lib/action";
import { redeliver } from "@/lib/outbound/mutations";

export const redeliverAction = memberAction((user, input) => redeliver(user.id, input), { revalidate: () => ["/t/[team]/settings"], message: () => "Queued for delivery again." });
