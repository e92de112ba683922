/**
 * A timeline event's plain field values — kinds and limits — without their zod rules
 * (lib/timeline/schema.ts), so the forms that show them do not load the validation library.
 */
export const USER_KINDS = ["DETECTION", "ACTION", "INVESTIGATION", "DEAD_END", "ESCALATION", "MITIGATION", "RESOLUTION", "COMMUNICATION", "NOTE"] as const;
export type UserKind = (typeof USER_KINDS)[number];

export const BODY_MAX = 20_000;
export const PASTE_BLOCK_MAX = 200_000;
