import { z } from "zod";
import { singleLine } from "@/lib/validation";
import { CHAT_EVENT_KINDS } from "@/lib/chat/rules";
import { destinationUrl, manyOf } from "@/lib/outbound/schema";
import { CHAT_PLATFORMS } from "@/lib/chat/platforms";

const rules = {
  name: singleLine({ max: 80, required: "Name the destination, like #incidents.", tooLong: "Use at most 80 characters." }),
  events: manyOf(z.enum(CHAT_EVENT_KINDS, { message: "Choose events from the list." })).refine((v) => v.length > 0, "Choose at least one event."),
  severities: manyOf(z.enum(["SEV1", "SEV2", "SEV3", "SEV4"], { message: "Choose severities from the list." })),
};

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const botToken = z.preprocess(blankToUndefined, z.string().trim().regex(/^xox[bp]-[A-Za-z0-9-]{8,200}$/, "A Slack bot token starts with xoxb-.").optional());
const channel = z.preprocess(blankToUndefined, z.string().trim().regex(/^(#[a-z0-9_-]{1,80}|[CGD][A-Z0-9]{6,20})$/, "Use a channel name like #incidents or its id like C0123456789.").optional());
const webhookUrl = z.preprocess(blankToUndefined, destinationUrl.optional());

const connection = z.object({ platform: z.enum(CHAT_PLATFORMS, { message: "Choose a platform." }), webhookUrl, botToken, channel });

export const createDestinationSchema = connection
  .extend({ teamId: z.string().min(1), ...rules })
  .superRefine((value, ctx) => {
    if (value.platform === "SLACK_BOT") {
      if (!value.botToken) ctx.addIssue({ code: "custom", path: ["botToken"], message: "Enter the bot token (xoxb-…)." });
      if (!value.channel) ctx.addIssue({ code: "custom", path: ["channel"], message: "Enter the channel the bot posts in." });
    } else if (!value.webhookUrl) {
      ctx.addIssue({ code: "custom", path: ["webhookUrl"], message: "Enter the webhook URL the platform gave you." });
    }
  });

/** Secrets left blank keep their stored value: the form never shows them back. */
export const updateDestinationSchema = z.object({ teamId: z.string().min(1), destinationId: z.string().min(1), ...rules, webhookUrl, botToken, channel });

export const destinationRefSchema = z.object({ teamId: z.string().min(1), destinationId: z.string().min(1) });

export const setDestinationEnabledSchema = destinationRefSchema.extend({ enabled: z.enum(["true", "false"]).transform((v) => v === "true") });
