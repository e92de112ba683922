import { format } from "node:util";
import type { Logger } from "pino";

/**
 * Sends console.error / warn / log / info through the logger, so what Next.js and libraries print
 * becomes JSON lines carrying the request id like everything else.
 */
export function routeConsoleTo(logger: Logger): void {
  const toLogger = (level: "error" | "warn" | "info") => (...args: unknown[]) => {
    const error = args.find((arg): arg is Error => arg instanceof Error);
    const message = format(...args.filter((arg) => arg !== error));
    if (error) logger[level]({ err: error }, message || error.message);
    else logger[level](message);
  };
  console.error = toLogger("error");
  console.warn = toLogger("warn");
  console.log = toLogger("info");
  console.info = toLogger("info");
}
