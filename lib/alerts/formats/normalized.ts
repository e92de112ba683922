import { cleanMultiLine, cleanSingleLine } from "@/lib/validation";

export type AlertState = "firing" | "acknowledged" | "resolved";

export type AlertLink = { href: string; text: string };

/** One alert as every format reduces to it. */
export type NormalizedAlert = {
  dedupKey: string;
  status: AlertState;
  title: string;
  severity: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  links: AlertLink[];
  /** When the source says the problem started; null means "when we first heard of it". */
  startsAt: Date | null;
  endsAt: Date | null;
  generatorURL: string | null;
  /** Alerts sharing a group key belong to one incident (Alertmanager's groupKey). */
  groupKey: string | null;
  /** False for events that only change status (PagerDuty acknowledge/resolve carry no payload). */
  described: boolean;
  /** This alert's part of the payload, stored on the alert for people to read. */
  raw: unknown;
};

export type ParsedDelivery = {
  format: "ALERTMANAGER" | "GRAFANA" | "PAGERDUTY" | "GENERIC";
  alerts: NormalizedAlert[];
  /** Alerts the sender left out (Alertmanager's max_alerts). */
  truncated: number;
};

/** A body whose shape no parser accepts: the message goes back to the sender's log. */
export class AlertShapeError extends Error {}

export const TITLE_MAX = 200;
const KEY_MAX = 255;
const VALUE_MAX = 2000;

export const cleanTitle = (text: string) => cleanSingleLine(text).slice(0, TITLE_MAX) || "Untitled alert";
export const cleanKey = (text: string) => cleanSingleLine(text).slice(0, KEY_MAX);

/** Label and annotation maps as strings, cleaned and capped, so rules and templates see plain text. */
export function stringMap(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(value).slice(0, 100)) {
    if (v === null || v === undefined) continue;
    const text = typeof v === "string" ? v : JSON.stringify(v);
    out[cleanSingleLine(key).slice(0, 100)] = cleanMultiLine(text).slice(0, VALUE_MAX);
  }
  return out;
}

/** Go's zero time (Alertmanager's "no end yet") and unparsable strings read as null. */
export function parseTime(value: unknown): Date | null {
  if (typeof value !== "string" && typeof value !== "number") return null;
  const date = typeof value === "number" ? new Date(value < 1e11 ? value * 1000 : value) : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const year = date.getUTCFullYear();
  return year < 1970 || year > 2200 ? null : date;
}

export function httpUrl(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 2000) return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : null;
  } catch {
    return null;
  }
}
