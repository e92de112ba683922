import { z } from "zod";
import { singleLine } from "@/lib/validation";
import { WEBHOOK_EVENT_TYPES } from "@/lib/outbound/event-types";
import { destinationUrl, manyOf } from "@/lib/outbound/schema";

const events = manyOf(z.enum(WEBHOOK_EVENT_TYPES, { message: "Choose events from the list." }));

export const createEndpointSchema = z.object({
  teamId: z.string().min(1),
  url: destinationUrl,
  description: singleLine({ max: 120, tooLong: "Use at most 120 characters." }).default(""),
  events,
});

export const updateEndpointSchema = createEndpointSchema.extend({ endpointId: z.string().min(1) });

export const endpointRefSchema = z.object({ teamId: z.string().min(1), endpointId: z.string().min(1) });

export const setEndpointEnabledSchema = endpointRefSchema.extend({ enabled: z.enum(["true", "false"]).transform((v) => v === "true") });
