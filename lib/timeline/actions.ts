"use server";

import { memberAction } from "@/lib/action";
import { addEvent, deleteEvent, editEvent, pasteEvents, starEvent, setEventInternal } from "@/lib/timeline/mutations";
import { applyEventMenu } from "@/lib/timeline/event-menu";

const revalidate = () => ["/t/[team]"];

export const addEventAction = memberAction((user, input) => addEvent(user.id, input), { revalidate });
export const editEventAction = memberAction((user, input) => editEvent(user.id, input), { revalidate, message: () => "Event updated." });
export const deleteEventAction = memberAction((user, input) => deleteEvent(user.id, input), { revalidate });
export const starEventAction = memberAction((user, input) => starEvent(user.id, input), { revalidate });
export const internalEventAction = memberAction((user, input) => setEventInternal(user.id, input), { revalidate });
export const eventMenuAction = memberAction((user, input) => applyEventMenu(user.id, input), { revalidate });
export const pasteEventsAction = memberAction((user, input) => pasteEvents(user.id, input), { revalidate, message: (r) => `${r.count} event${r.count === 1 ? "" : "s"} added.` });
