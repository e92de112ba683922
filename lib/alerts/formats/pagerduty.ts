import { z } from "zod";
import { AlertShapeError, cleanKey, cleanTitle, httpUrl, parseTime, stringMap, type AlertLink, type ParsedDelivery } from "@/lib/alerts/formats/normalized";

const linkSchema = z.object({ href: z.string(), text: z.string().optional() });
const imageSchema = z.object({ src: z.string(), href: z.string().optional(), alt: z.string().optional() });

/** PagerDuty Events API v2 (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/). */
export const pagerDutySchema = z
  .object({
    routing_key: z.string().optional(),
    event_action: z.enum(["trigger", "acknowledge", "resolve"], { message: "event_action must be trigger, acknowledge or resolve" }),
    dedup_key: z.string().max(255, "dedup_key is at most 255 characters").optional(),
    payload: z
      .object({
        summary: z.string().min(1).max(1024, "payload.summary is at most 1024 characters"),
        source: z.string().min(1),
        severity: z.enum(["critical", "error", "warning", "info"], { message: "payload.severity must be critical, error, warning or info" }),
        timestamp: z.string().optional(),
        component: z.string().optional(),
        group: z.string().optional(),
        class: z.string().optional(),
        custom_details: z.unknown().optional(),
      })
      .optional(),
    client: z.string().optional(),
    client_url: z.string().optional(),
    links: z.array(linkSchema).max(50).optional(),
    images: z.array(imageSchema).max(50).optional(),
  })
  .superRefine((event, ctx) => {
    if (event.event_action === "trigger" && !event.payload) ctx.addIssue({ code: "custom", path: ["payload"], message: "payload is required for trigger events" });
    if (event.event_action !== "trigger" && !event.dedup_key) ctx.addIssue({ code: "custom", path: ["dedup_key"], message: `dedup_key is required for ${event.event_action} events` });
  });

export const looksLikePagerDuty = (body: Record<string, unknown>) => "event_action" in body;

const STATE = { trigger: "firing", acknowledge: "acknowledged", resolve: "resolved" } as const;

/** `deliveryId` stands in for a missing dedup_key on a trigger, as PagerDuty generates one. */
export function parsePagerDuty(body: unknown, deliveryId: string): ParsedDelivery {
  const parsed = pagerDutySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AlertShapeError(`Not a PagerDuty Events API v2 event: ${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}.`);
  }
  const event = parsed.data;
  const payload = event.payload;
  const details = payload?.custom_details;
  const labels = stringMap({
    source: payload?.source,
    component: payload?.component,
    group: payload?.group,
    class: payload?.class,
    ...(details && typeof details === "object" && !Array.isArray(details) ? details : {}),
  });
  const links: AlertLink[] = [
    ...(event.links ?? []).map((l) => ({ href: httpUrl(l.href), text: l.text ?? "Link" })),
    ...(event.images ?? []).map((i) => ({ href: httpUrl(i.href ?? i.src), text: i.alt ?? "Image" })),
    { href: httpUrl(event.client_url), text: event.client ?? "Client" },
  ].flatMap((l) => (l.href ? [{ href: l.href, text: l.text }] : []));
  return {
    format: "PAGERDUTY",
    truncated: 0,
    alerts: [
      {
        dedupKey: cleanKey(event.dedup_key || deliveryId),
        status: STATE[event.event_action],
        title: cleanTitle(payload?.summary ?? ""),
        severity: payload?.severity ?? "",
        labels,
        annotations: typeof details === "string" ? stringMap({ details }) : {},
        links,
        startsAt: parseTime(payload?.timestamp),
        endsAt: null,
        generatorURL: null,
        groupKey: null,
        described: payload !== undefined,
        raw: event,
      },
    ],
  };
}
