import { z } from "zod";
import { parseInput } from "@/lib/validation";
import { deleteEvent, setEventInternal, starEvent } from "@/lib/timeline/mutations";
import { EVENT_MENU_OPS } from "@/lib/timeline/event-menu-op";

/**
 * The timeline's one actions form: every event's Star / Mark internal / Delete button submits it
 * with `op` = "<action>:<event id>", instead of each event carrying three forms of its own.
 */
const menuSchema = z.object({
  teamId: z.string().min(1),
  op: z
    .string()
    .max(100)
    .regex(/^[a-z]+:[^:]+$/, "Unknown action.")
    .transform((value) => {
      const [action, eventId] = value.split(":") as [string, string];
      return { action, eventId };
    })
    .pipe(z.object({ action: z.enum(EVENT_MENU_OPS, { message: "Unknown action." }), eventId: z.string().min(1) })),
});

export async function applyEventMenu(userId: string, input: unknown) {
  const { teamId, op } = parseInput(menuSchema, input);
  const ref = { teamId, eventId: op.eventId };
  switch (op.action) {
    case "star":
    case "unstar":
      await starEvent(userId, { ...ref, starred: op.action === "star" ? "true" : "false" });
      break;
    case "internal":
    case "public":
      await setEventInternal(userId, { ...ref, internal: op.action === "internal" ? "true" : "false" });
      break;
    case "delete":
      await deleteEvent(userId, ref);
      break;
  }
  return { eventId: op.eventId, action: op.action };
}
