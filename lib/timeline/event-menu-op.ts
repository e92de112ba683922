/** What a button of the timeline's one actions form asks for: "<action>:<event id>" in its `op` field. */
export const EVENT_MENU_OPS = ["star", "unstar", "internal", "public", "delete"] as const;
export type EventMenuOp = (typeof EVENT_MENU_OPS)[number];

export const eventMenuOp = (action: EventMenuOp, eventId: string) => `${action}:${eventId}`;
