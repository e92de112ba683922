"use server";

import { memberAction } from "@/lib/action";
import { createPersonalToken, createServiceToken, revokePersonalToken, revokeServiceToken } from "@/lib/api/tokens/mutations";

export const createPersonalTokenAction = memberAction((user, input) => createPersonalToken(user.id, input), { revalidate: () => ["/account"] });
export const revokePersonalTokenAction = memberAction((user, input) => revokePersonalToken(user.id, input), { revalidate: () => ["/account"] });
export const createServiceTokenAction = memberAction((user, input) => createServiceToken(user.id, input), { revalidate: () => ["/t/[team]"] });
export const revokeServiceTokenAction = memberAction((user, input) => revokeServiceToken(user.id, input), { revalidate: () => ["/t/[team]"] });
