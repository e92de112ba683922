import pino, { type DestinationStream, type Logger } from "pino";
import { requestContext } from "@/lib/observability/request-context";
import { prettyStream } from "@/lib/observability/pretty-stream";

/**
 * Keys whose values never reach a log line, at the top level and one level down (`{ user: {
 * password } }`), plus request and response headers that carry credentials. Request bodies and
 * document text are never logged in the first place; these catch a careless `logger.info(obj)`.
 */
const SECRET_KEYS = ["password", "passwordHash", "token", "secret", "cookie", "authorization", "apiKey", "content", "ydoc", "markdown", "text", "body"];
export const REDACT_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
  'headers["set-cookie"]',
  'headers["x-hindsight-signature"]',
  "*.headers.cookie",
  "*.headers.authorization",
  '*.headers["set-cookie"]',
  '*.headers["x-hindsight-signature"]',
];

export type LogFormat = "json" | "pretty";

export type LoggerOptions = { service: string; level?: string; format?: LogFormat; stream?: DestinationStream };

/** JSON lines to stdout; one human-readable line per entry when stdout is a terminal (or LOG_FORMAT=pretty). */
export function createLogger(options: LoggerOptions): Logger {
  const format = options.format ?? (process.env.LOG_FORMAT === "json" || process.env.LOG_FORMAT === "pretty" ? process.env.LOG_FORMAT : process.stdout.isTTY ? "pretty" : "json");
  const stream = options.stream ?? (format === "pretty" ? prettyStream(process.stdout) : pino.destination({ dest: 1, sync: true }));
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? "info",
      base: { service: options.service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      mixin() {
        const context = requestContext().getStore();
        return context ? { reqId: context.reqId, ...(context.userId ? { userId: context.userId } : {}) } : {};
      },
    },
    stream,
  );
}

const globalForLogger = globalThis as unknown as { hindsightLogger?: Logger };

/** The process's logger. Server entries name their service first (`setProcessLogger`); code in the app gets "web". */
export function logger(): Logger {
  globalForLogger.hindsightLogger ??= createLogger({ service: "web" });
  return globalForLogger.hindsightLogger;
}

export function setProcessLogger(instance: Logger): Logger {
  globalForLogger.hindsightLogger = instance;
  return instance;
}
