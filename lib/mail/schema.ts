import { z } from "zod";
import { NOTIFICATION_KINDS } from "@/lib/mail/kinds";
import { isValidTimeZone } from "@/lib/time/zones";

export const channelSchema = z.enum(["IN_APP", "EMAIL", "OFF"]);
export const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"] as const;

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

/** The Notifications form: one channel per kind, the digest, the zone for times, severities to hear about. */
export const preferencesSchema = z.object({
  channels: z.object(Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k.kind, channelSchema])) as Record<(typeof NOTIFICATION_KINDS)[number]["kind"], typeof channelSchema>),
  dailyDigest: checkbox,
  timeZone: z
    .string()
    .trim()
    .transform((v) => (v === "" ? null : v))
    .refine((v) => v === null || isValidTimeZone(v), { message: "Unknown time zone. Use an IANA name such as Europe/Berlin, or leave it empty." }),
  incidentSeverities: z.array(z.enum(SEVERITIES)).default([]),
});
export type PreferencesInput = z.infer<typeof preferencesSchema>;

/** Form fields (channel.<kind>, severity.<SEV>) into the schema's shape. */
export function preferencesFromForm(input: Record<string, unknown>): unknown {
  return {
    channels: Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k.kind, input[`channel.${k.kind}`]])),
    dailyDigest: input.dailyDigest,
    timeZone: input.timeZone ?? "",
    incidentSeverities: SEVERITIES.filter((s) => input[`severity.${s}`] === "on"),
  };
}
