import { z } from "zod";
import { parseOutboundUrl, OutboundError, outboundPolicy } from "@/lib/net/safe-request";
import { checkAddress } from "@/lib/net/address-policy";
import { isIP } from "node:net";

/** One value or several (repeated form fields) as a list. */
export const manyOf = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item)]).optional().transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/**
 * A destination URL: http(s), no credentials, and not a literal private address. Names are
 * resolved and checked again at every delivery, where DNS answers cannot be trusted in advance.
 */
export const destinationUrl = z
  .string()
  .trim()
  .min(1, "Enter the URL to send to.")
  .max(2000, "Use at most 2,000 characters.")
  .superRefine((value, ctx) => {
    try {
      const url = parseOutboundUrl(value);
      const host = url.hostname.replace(/^\[|\]$/g, "");
      if (isIP(host)) {
        const verdict = checkAddress(host, outboundPolicy());
        if (!verdict.ok) ctx.addIssue({ code: "custom", message: `This address is private or reserved (${verdict.reason}); it cannot receive deliveries.` });
      }
    } catch (error) {
      ctx.addIssue({ code: "custom", message: error instanceof OutboundError ? error.message : "Enter a full URL starting with https://." });
    }
  });

export const deliveryRefSchema = z.object({ teamId: z.string().min(1), deliveryId: z.string().min(1) });
