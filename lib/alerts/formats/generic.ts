import jsonata from "jsonata";
import { z } from "zod";
import { createHash } from "node:crypto";
import { AlertShapeError, cleanKey, cleanTitle, httpUrl, parseTime, stringMap, type ParsedDelivery } from "@/lib/alerts/formats/normalized";

/** A mapping that runs longer or deeper than this is stopped: it runs on every delivery. */
const TIME_LIMIT_MS = 200;
const DEPTH_LIMIT = 200;

const mappedSchema = z.object({
  title: z.string({ message: "the mapping must give a title (text)" }).min(1, "the mapping gave an empty title"),
  severity: z.union([z.string(), z.number()]).optional(),
  dedupKey: z.union([z.string(), z.number()]).optional(),
  status: z
    .string()
    .optional()
    .transform((s) => s?.toLowerCase())
    .pipe(z.enum(["firing", "acknowledged", "resolved", "trigger", "acknowledge", "resolve"], { message: "status must be firing, acknowledged or resolved" }).optional()),
  startsAt: z.union([z.string(), z.number()]).optional(),
  labels: z.record(z.string(), z.unknown()).optional(),
  url: z.string().optional(),
});

export type MappedAlert = z.infer<typeof mappedSchema>;

/** Syntax errors as a sentence, for the form and the preview. Null when the expression compiles. */
export function mappingSyntaxError(expression: string): string | null {
  try {
    jsonata(expression);
    return null;
  } catch (error) {
    return `The mapping does not compile: ${describe(error)}`;
  }
}

function describe(error: unknown): string {
  if (error && typeof error === "object" && "message" in error && typeof error.message === "string") {
    const position = "position" in error && typeof error.position === "number" ? ` (at character ${error.position})` : "";
    return `${error.message}${position}`;
  }
  return String(error);
}

/** Runs the mapping with a time and depth budget (jsonata's own entry/exit hooks). */
export async function evaluateMapping(expression: string, body: unknown): Promise<unknown> {
  let compiled: ReturnType<typeof jsonata>;
  try {
    compiled = jsonata(expression);
  } catch (error) {
    throw new AlertShapeError(`The source's mapping does not compile: ${describe(error)}.`);
  }
  const started = Date.now();
  let depth = 0;
  compiled.assign("__evaluate_entry", () => {
    depth += 1;
    if (depth > DEPTH_LIMIT) throw new Error("the mapping recursed too deeply");
    if (Date.now() - started > TIME_LIMIT_MS) throw new Error(`the mapping ran longer than ${TIME_LIMIT_MS} ms`);
  });
  compiled.assign("__evaluate_exit", () => {
    depth -= 1;
  });
  try {
    return await compiled.evaluate(body);
  } catch (error) {
    throw new AlertShapeError(`The mapping failed on this body: ${describe(error)}.`);
  }
}

const STATE = { firing: "firing", trigger: "firing", acknowledged: "acknowledged", acknowledge: "acknowledged", resolved: "resolved", resolve: "resolved" } as const;

/** Generic JSON: the source's JSONata mapping gives { title, severity, dedupKey, status, startsAt, labels, url }, or an array of them. */
export async function parseGeneric(body: unknown, expression: string): Promise<ParsedDelivery> {
  if (!expression.trim()) throw new AlertShapeError("This source has no mapping yet: an admin must write one in Hindsight before generic JSON is accepted.");
  const result = await evaluateMapping(expression, body);
  const items = Array.isArray(result) ? result : [result];
  if (items.length === 0 || result === undefined) throw new AlertShapeError("The mapping gave nothing for this body.");
  if (items.length > 1000) throw new AlertShapeError("The mapping gave more than 1000 alerts.");
  const alerts = items.map((item, index) => {
    const parsed = mappedSchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AlertShapeError(`Wrong shape after mapping${items.length > 1 ? ` (item ${index + 1})` : ""}: ${issue?.path.join(".") || "result"}: ${issue?.message ?? "invalid"}.`);
    }
    const mapped = parsed.data;
    const labels = stringMap(mapped.labels);
    const title = cleanTitle(mapped.title);
    const dedupKey = mapped.dedupKey !== undefined ? String(mapped.dedupKey) : createHash("sha256").update(JSON.stringify([title, labels])).digest("hex").slice(0, 32);
    const url = httpUrl(mapped.url);
    return {
      dedupKey: cleanKey(dedupKey),
      status: STATE[mapped.status ?? "firing"],
      title,
      severity: mapped.severity !== undefined ? String(mapped.severity).slice(0, 40) : "",
      labels,
      annotations: {},
      links: url ? [{ href: url, text: "Source" }] : [],
      startsAt: parseTime(mapped.startsAt),
      endsAt: null,
      generatorURL: url,
      groupKey: null,
      described: true,
      raw: body,
    };
  });
  return { format: "GENERIC", alerts, truncated: 0 };
}
